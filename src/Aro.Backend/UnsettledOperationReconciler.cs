using Aro.Backend.Recovery;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aro.Backend;

/// <summary>
/// Publishes the request of every cluster operation that is not settled and has gone quiet: after a restart
/// (the in-memory bus lost its messages), a publish that failed after the frontend's commit, or a broker
/// outage. The saga treats a request for its current operation as "emit where you stand", and every
/// consumer is idempotent, so publishing again is always safe.
/// </summary>
internal sealed partial class UnsettledOperationReconciler(
    IOpenShiftClusterStore clusters,
    IBus bus,
    IOptions<BackendOptions> options,
    StartupRecovery recovery,
    TimeProvider timeProvider,
    ILogger<UnsettledOperationReconciler> logger) : BackgroundService
{
    private readonly BackendOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ReconcileInterval, timeProvider);
        try
        {
            while (bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Unhealthy)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }

            // The first sweep resumes at once what went quiet before the bus was up: what an earlier process left
            // unsettled, and a request published (or lost) while the broker was out of reach. An operation that made
            // progress since is in flight on the bus and is left to the regular sweeps, or every create accepted in
            // the first moments would run its current step twice.
            var busReadyAt = timeProvider.GetUtcNow();
            if (!_options.ResumeOnStart)
            {
                recovery.MarkDone();
            }

            do
            {
                try
                {
                    if (!recovery.IsDone)
                    {
                        await ReconcileAsync(quietSince: busReadyAt, stoppingToken);
                        recovery.MarkDone();
                    }
                    else
                    {
                        await ReconcileAsync(_options.StaleAfter, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A store or broker outage: the next sweep tries again (the start-up one, until it has run once).
                    LogSweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, or a failed start disposing the host before it ever stopped: not a crash to report.
        }
    }

    /// <summary>Publishes the requests of unsettled operations quiet for at least <paramref name="staleAfter"/>; returns how many.</summary>
    public Task<int> ReconcileAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return ReconcileAsync(lastProgress => now - lastProgress >= staleAfter, cancellationToken);
    }

    /// <summary>Publishes the requests of unsettled operations whose last progress was before <paramref name="quietSince"/>; returns how many.</summary>
    public Task<int> ReconcileAsync(DateTimeOffset quietSince, CancellationToken cancellationToken) =>
        ReconcileAsync(lastProgress => lastProgress < quietSince, cancellationToken);

    private async Task<int> ReconcileAsync(Func<DateTimeOffset, bool> isQuiet, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var published = 0;
        await foreach (var document in clusters.ListUnsettledAsync(cancellationToken))
        {
            if (document.AsyncOperationId is null || !isQuiet(document.LastProgressAt ?? DateTimeOffset.MinValue))
            {
                continue;
            }

            if (!await ClaimAsync(document, now, cancellationToken))
            {
                continue;
            }

            var request = ClusterOperationRequests.Of(document, now);
            await bus.Publish(request, request.GetType(), cancellationToken);
            LogRepublished(logger, request.GetType().Name, document.OpenShiftCluster.Id, document.AsyncOperationId);
            published++;
        }

        return published;
    }

    /// <summary>
    /// Stamps the document so this operation is not published again before another <see cref="BackendOptions.StaleAfter"/>,
    /// by this or another backend: the ETag lets only one of them win.
    /// </summary>
    private async Task<bool> ClaimAsync(OpenShiftClusterDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        document.LastProgressAt = now;
        try
        {
            await clusters.ReplaceAsync(document, cancellationToken);
            return true;
        }
        catch (DocumentPreconditionFailedException)
        {
            // Changed meanwhile: it is making progress, or another backend claimed it.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageType} again for {ResourceId} (operation {OperationId}): no progress seen")]
    private static partial void LogRepublished(ILogger logger, string messageType, string resourceId, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reconciler's sweep failed; it tries again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
