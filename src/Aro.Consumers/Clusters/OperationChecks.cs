namespace Aro.Consumers.Clusters;

/// <summary>The re-checks long steps make between phases, so an operation that stops acting on its cluster stops its step.</summary>
public static class OperationChecks
{
    /// <summary>Null while <paramref name="operationId"/> acts on the cluster; otherwise the supersession that ends its step. One document read.</summary>
    public static async Task<Supersession?> CheckOperationAsync(this IClusterDocuments documents, string resourceId, string operationId, CancellationToken cancellationToken) =>
        await documents.GetAsync(resourceId, cancellationToken) is { } stored
            ? stored.Supersedes(operationId)
            : new Supersession(resourceId, operationId, CurrentOperationId: null);

    /// <summary>
    /// Runs <paramref name="wait"/> while <paramref name="operationId"/> acts on the cluster, checking every
    /// <paramref name="interval"/>: null once the wait completes (its exceptions propagate), otherwise why it was
    /// cancelled.
    /// </summary>
    public static async Task<Supersession?> WaitWhileCurrentAsync(
        this IClusterDocuments documents,
        string resourceId,
        string operationId,
        Func<CancellationToken, Task> wait,
        TimeSpan interval,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = wait(waitCancellation.Token);
        try
        {
            while (true)
            {
                var tick = Task.Delay(interval, timeProvider, waitCancellation.Token);
                if (await Task.WhenAny(waiting, tick) == waiting)
                {
                    await waiting;
                    return null;
                }

                await tick;
                if (await documents.CheckOperationAsync(resourceId, operationId, cancellationToken) is { } supersession)
                {
                    await waitCancellation.CancelAsync();
                    try
                    {
                        await waiting;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The wait we stopped.
                    }

                    return supersession;
                }
            }
        }
        finally
        {
            await waitCancellation.CancelAsync();
        }
    }
}
