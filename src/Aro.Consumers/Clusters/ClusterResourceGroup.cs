using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud.Clusters;
using Aro.Cloud.Resources;

namespace Aro.Consumers.Clusters;

/// <summary>
/// The cluster resource group is the RP's alone: it must not exist before the cluster is created (the reference RP's
/// <c>ClusterResourceGroupAlreadyExists</c>), the RP tags the group it creates with <see cref="OwnerTag"/> naming the
/// cluster's resource id, and it only ever uses or deletes a group carrying that tag for that cluster. A group the RP
/// tagged in an earlier attempt of the same cluster is its own, so every step stays idempotent under redelivery; a
/// customer's group is never adopted, so a later delete can never take the customer's resources with it.
/// </summary>
public sealed class ClusterResourceGroup(IResourceGroups resourceGroups)
{
    /// <summary>The tag naming the cluster (its ARM resource id) that owns the group.</summary>
    public const string OwnerTag = "aro-cluster-resource-id";

    /// <summary>Null when the group is absent or the cluster's own; else the error the create is refused with.</summary>
    public async Task<CloudErrorBody?> CheckAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        var groupId = ClusterResourceNames.For(cluster).ResourceGroupId;
        var existing = await resourceGroups.GetAsync(groupId, cancellationToken);
        return existing is null || IsOwnedBy(existing, cluster.Id) ? null : AlreadyExists(groupId);
    }

    /// <summary>Creates the group, tagged for the cluster, unless the cluster already owns it; refuses anyone else's group.</summary>
    public Task<CloudErrorBody?> EnsureAsync(OpenShiftCluster cluster, CancellationToken cancellationToken) =>
        EnsureAsync(ClusterResourceNames.For(cluster).ResourceGroupId, cluster.Id, cluster.Location, cancellationToken);

    /// <inheritdoc cref="EnsureAsync(OpenShiftCluster, CancellationToken)"/>
    public async Task<CloudErrorBody?> EnsureAsync(string groupId, string clusterResourceId, string location, CancellationToken cancellationToken)
    {
        var existing = await resourceGroups.GetAsync(groupId, cancellationToken);
        if (existing is not null)
        {
            return IsOwnedBy(existing, clusterResourceId) ? null : AlreadyExists(groupId);
        }

        // Looked for just above: another look before creating it would only be one more round trip per create.
        await resourceGroups.CreateOrUpdateAsync(groupId, location, new Dictionary<string, string> { [OwnerTag] = clusterResourceId }, cancellationToken);
        return null;
    }

    /// <summary>Deletes the group when it carries the cluster's tag; leaves any other group (or none) alone and says whether it deleted.</summary>
    public async Task<bool> DeleteIfOwnedAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        var groupId = ClusterResourceNames.For(cluster).ResourceGroupId;
        if (await resourceGroups.GetAsync(groupId, cancellationToken) is not { } existing || !IsOwnedBy(existing, cluster.Id))
        {
            return false;
        }

        await resourceGroups.DeleteAsync(groupId, cancellationToken);
        return true;
    }

    private static bool IsOwnedBy(ResourceGroup group, string clusterResourceId) =>
        group.Tags.TryGetValue(OwnerTag, out var owner) && string.Equals(owner, clusterResourceId, StringComparison.OrdinalIgnoreCase);

    private static CloudErrorBody AlreadyExists(string groupId) => new(
        CloudErrorCodes.ClusterResourceGroupAlreadyExists,
        $"The provided resource group '{groupId}' must not already exist: the cluster creates it and deletes it with the cluster.",
        "properties.clusterProfile.resourceGroupId");
}
