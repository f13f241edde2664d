namespace Aro.Benchmarks.ServiceBusTransport;

/// <summary>Counts consumed messages and says when a round's last one has arrived.</summary>
public sealed class ArrivalCounter
{
    private int _expected;
    private int _arrived;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartRound(int expected)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _arrived, 0);
        Volatile.Write(ref _expected, expected);
        return _done.Task;
    }

    public void Arrived()
    {
        if (Interlocked.Increment(ref _arrived) == Volatile.Read(ref _expected))
        {
            _done.TrySetResult();
        }
    }
}
