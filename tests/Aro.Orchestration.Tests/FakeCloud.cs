using System.Collections.Concurrent;

namespace Aro.Orchestration.Tests;

/// <summary>
/// The script the fake consumers follow (one answer per command type, Succeed unless told otherwise) and the
/// journal of every delivery they received. The journal counts duplicates that carry the same message id,
/// which the harness's own message lists fold into one.
/// </summary>
public sealed class FakeCloud
{
    /// <summary>What a consumer's exception says; it must never reach a terminal event.</summary>
    public const string ExceptionText = "secret-laden stack detail: connection string AccountKey=abc";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<Type, StepAnswer> _answers = new();
    private readonly ConcurrentDictionary<Type, int> _calls = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Answer<TCommand>(StepAnswer answer) => _answers[typeof(TCommand)] = answer;

    public StepAnswer Next(Type command)
    {
        var call = _calls.AddOrUpdate(command, 1, (_, count) => count + 1);
        var answer = _answers.GetValueOrDefault(command, StepAnswer.Succeed);
        return answer == StepAnswer.SilentOnce ? (call == 1 ? StepAnswer.Silent : StepAnswer.Succeed) : answer;
    }

    public void Record(object message, Guid? messageId)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _deliveries.Add(new Delivery(message, messageId));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public IReadOnlyList<Delivery> Delivered<T>(Func<T, bool>? filter = null)
    {
        lock (_gate)
        {
            return [.. _deliveries.Where(d => d.Message is T message && (filter?.Invoke(message) ?? true))];
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> matching deliveries arrived (evidence, not a sleep).</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync<T>(int count, Func<T, bool>? filter = null)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matches = Delivered(filter);
                if (matches.Count >= count)
                {
                    return matches;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    /// <summary>The CloudError a consumer reports for a rejected command: exact, so tests can assert it arrives intact.</summary>
    public static (string Code, string Message, string Target) RejectionOf(Type command) =>
        ($"{command.Name}Rejected", $"The fake cloud rejected {command.Name}.", $"properties.fake.{command.Name}");
}
