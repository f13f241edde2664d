using System.Collections.Concurrent;
using Aro.Api;
using Aro.Consumers.Ignition;

namespace Aro.Consumers.Tests.Ignition;

/// <summary>Keeps every config stored, in order, like blobs that are overwritten per role.</summary>
internal sealed class RecordingIgnitionStore : IIgnitionStore
{
    public ConcurrentQueue<StoredConfig> Stored { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public Task<CloudErrorBody?> StoreAsync(string clusterResourceId, string clusterResourceGroupId, string location, string infraId, IReadOnlyList<(string Role, byte[] Config)> configs, CancellationToken cancellationToken)
    {
        foreach (var (role, config) in configs)
        {
            Stored.Enqueue(new StoredConfig(clusterResourceGroupId, infraId, role, config));
        }

        return Task.FromResult<CloudErrorBody?>(null);
    }

    public Task<Uri> CreateReadUrlAsync(string clusterResourceGroupId, string role, TimeSpan lifetime, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Ignition step never hands out its configs.");

    public Task DeleteAsync(string clusterResourceGroupId, string role, CancellationToken cancellationToken)
    {
        Deleted.Enqueue(role);
        return Task.CompletedTask;
    }
}
