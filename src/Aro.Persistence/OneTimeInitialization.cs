namespace Aro.Persistence;

/// <summary>
/// Runs an idempotent async setup step once per process. Unlike a cached Lazy task, a failure is not
/// remembered: the next caller tries again (the disk may have been full for a moment).
/// </summary>
internal sealed class OneTimeInitialization(Func<CancellationToken, Task> initializeAsync)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await initializeAsync(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
