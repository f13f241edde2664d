using Aro.Api.Model;

namespace Aro.Consumers.Clusters;

/// <summary>A cluster as stored, with the id of the operation currently (or last) acting on it.</summary>
public sealed record StoredCluster(OpenShiftCluster Cluster, string? OperationId)
{
    /// <summary>
    /// What the store read the cluster from (its document and ETag), opaque to the consumers: handed back with
    /// <see cref="IClusterDocuments.UpdateAsync(StoredCluster, string, string, Action{OpenShiftCluster}, CancellationToken)"/>
    /// so a write can start from it instead of reading the cluster again.
    /// </summary>
    public object? StoreState { get; init; }

    /// <summary>Null while <paramref name="operationId"/> is the one acting on the cluster; otherwise why a step of it must stop.</summary>
    public Supersession? Supersedes(string operationId) =>
        string.Equals(OperationId, operationId, StringComparison.OrdinalIgnoreCase)
            ? null
            : new Supersession(Cluster.Id, operationId, OperationId);
}
