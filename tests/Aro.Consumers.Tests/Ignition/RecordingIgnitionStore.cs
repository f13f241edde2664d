using System.Collections.Concurrent;
using Aro.Consumers.Ignition;

namespace Aro.Consumers.Tests.Ignition;

/// <summary>Keeps every config stored, in order, like blobs that are overwritten per role.</summary>
internal sealed class RecordingIgnitionStore : IIgnitionStore
{
    public ConcurrentQueue<StoredConfig> Stored { get; } = new();

    public Task StoreAsync(string clusterResourceGroupId, string location, string infraId, string role, byte[] config, CancellationToken cancellationToken)
    {
        Stored.Enqueue(new StoredConfig(clusterResourceGroupId, infraId, role, config));
        return Task.CompletedTask;
    }
}
