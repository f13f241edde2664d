using Aro.Api.Model;

namespace Aro.Consumers.Clusters;

/// <summary>A cluster as stored, with the id of the operation currently (or last) acting on it.</summary>
public sealed record StoredCluster(OpenShiftCluster Cluster, string? OperationId)
{
    /// <summary>Null while <paramref name="operationId"/> is the one acting on the cluster; otherwise why a step of it must stop.</summary>
    public Supersession? Supersedes(string operationId) =>
        string.Equals(OperationId, operationId, StringComparison.OrdinalIgnoreCase)
            ? null
            : new Supersession(Cluster.Id, operationId, OperationId);
}
