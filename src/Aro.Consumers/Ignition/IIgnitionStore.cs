namespace Aro.Consumers.Ignition;

/// <summary>
/// Where Ignition configs live until the machines fetch them: blobs in the cluster resource group
/// (implemented by the cloud adapters). Storing the same role again overwrites it.
/// </summary>
public interface IIgnitionStore
{
    /// <param name="clusterResourceGroupId">The id of the resource group that holds the cluster's resources.</param>
    /// <param name="location">The cluster's region, where the store is created if it does not exist yet.</param>
    /// <param name="infraId">The cluster's InfraId, the prefix of everything it owns.</param>
    /// <param name="role">One of <see cref="IgnitionRoles"/>.</param>
    /// <param name="config">The Ignition config, UTF-8 JSON. The bootstrap config holds secrets.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    Task StoreAsync(string clusterResourceGroupId, string location, string infraId, string role, byte[] config, CancellationToken cancellationToken);
}
