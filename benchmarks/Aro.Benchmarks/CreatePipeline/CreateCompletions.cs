using System.Collections.Concurrent;

namespace Aro.Benchmarks.CreatePipeline;

/// <summary>The creates a round waits for, each finished when its ClusterProvisioningSucceeded arrives.</summary>
public sealed class CreateCompletions
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _pending = new();

    public Task Expect(Guid clusterId) =>
        _pending.GetOrAdd(clusterId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Succeeded(Guid clusterId)
    {
        if (_pending.TryRemove(clusterId, out var create))
        {
            create.TrySetResult();
        }
    }
}
