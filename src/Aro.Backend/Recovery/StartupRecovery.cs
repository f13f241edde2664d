namespace Aro.Backend.Recovery;

/// <summary>
/// Whether this backend process has resumed what an earlier one left unsettled (the reconciler's first sweep).
/// Until then it is not ready: an operation accepted meanwhile could be resumed as well as delivered, and run its
/// current step twice.
/// </summary>
public sealed class StartupRecovery
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDone => _done.Task.IsCompleted;

    /// <summary>Completes when the first sweep has run; what a test or a caller that must not race it awaits.</summary>
    public Task Done => _done.Task;

    internal void MarkDone() => _done.TrySetResult();
}
