namespace Aro.Consumers.Ignition;

/// <summary>
/// Where Ignition configs live until the machines fetch them: blobs in the cluster resource group
/// (implemented by the cloud adapters). Storing the same role again overwrites it.
/// </summary>
public interface IIgnitionStore
{
    /// <summary>Stores the configs; null when stored, else why the cluster's group may not hold them (it belongs to someone else).</summary>
    /// <param name="clusterResourceId">The cluster's ARM resource id, which owns the cluster resource group.</param>
    /// <param name="clusterResourceGroupId">The id of the resource group that holds the cluster's resources.</param>
    /// <param name="location">The cluster's region, where the store is created if it does not exist yet.</param>
    /// <param name="infraId">The cluster's InfraId, the prefix of everything it owns.</param>
    /// <param name="configs">Each role (one of <see cref="IgnitionRoles"/>) with its Ignition config, UTF-8 JSON. The bootstrap config holds secrets.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    Task<Aro.Api.CloudErrorBody?> StoreAsync(string clusterResourceId, string clusterResourceGroupId, string location, string infraId, IReadOnlyList<(string Role, byte[] Config)> configs, CancellationToken cancellationToken);

    /// <summary>A URL a machine can read the role's config from without credentials, valid for <paramref name="lifetime"/> (read-only, that config only).</summary>
    Task<Uri> CreateReadUrlAsync(string clusterResourceGroupId, string role, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Deletes the role's config (the bootstrap config, once the bootstrap VM is gone); succeeds when it is already gone.</summary>
    Task DeleteAsync(string clusterResourceGroupId, string role, CancellationToken cancellationToken);
}
