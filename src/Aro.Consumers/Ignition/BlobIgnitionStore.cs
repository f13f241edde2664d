using Aro.Api;
using Aro.Cloud.Clusters;
using Aro.Cloud.Storage;
using Aro.Consumers.Clusters;

namespace Aro.Consumers.Ignition;

/// <summary>
/// Keeps each role's config as the blob <c>{role}.ign</c> in the <c>ignition</c> container of the cluster's own
/// storage account, as the installer does. Ignition runs in parallel with DNS, before the VM step, so it
/// creates the cluster resource group itself when it is the first to need it, and only ever in a group the
/// cluster owns.
/// </summary>
internal sealed class BlobIgnitionStore(ClusterResourceGroup clusterResourceGroup, IBlobStorage blobs) : IIgnitionStore
{
    public async Task<CloudErrorBody?> StoreAsync(string clusterResourceId, string clusterResourceGroupId, string location, string infraId, IReadOnlyList<(string Role, byte[] Config)> configs, CancellationToken cancellationToken)
    {
        if (await clusterResourceGroup.EnsureAsync(clusterResourceGroupId, clusterResourceId, location, cancellationToken) is { } notOwned)
        {
            return notOwned;
        }

        await blobs.UploadAsync([.. configs.Select(c => new BlobContent(Location(clusterResourceGroupId, c.Role), BinaryData.FromBytes(c.Config)))], location, cancellationToken);
        return null;
    }

    public Task<Uri> CreateReadUrlAsync(string clusterResourceGroupId, string role, TimeSpan lifetime, CancellationToken cancellationToken) =>
        blobs.CreateReadUrlAsync(Location(clusterResourceGroupId, role), lifetime, cancellationToken);

    public Task DeleteAsync(string clusterResourceGroupId, string role, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(Location(clusterResourceGroupId, role), cancellationToken);

    public static string BlobNameFor(string role) => $"{role}.ign";

    private static BlobLocation Location(string clusterResourceGroupId, string role) =>
        new(clusterResourceGroupId, ClusterResourceNames.StorageAccountFor(clusterResourceGroupId), ClusterResourceNames.IgnitionContainer, BlobNameFor(role));
}
