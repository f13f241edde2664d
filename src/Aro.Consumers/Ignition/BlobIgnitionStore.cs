using Aro.Cloud.Clusters;
using Aro.Cloud.Resources;
using Aro.Cloud.Storage;

namespace Aro.Consumers.Ignition;

/// <summary>
/// Keeps each role's config as the blob <c>{role}.ign</c> in the <c>ignition</c> container of the cluster's own
/// storage account, as the installer does. Ignition runs in parallel with DNS, before the VM step, so it
/// creates the cluster resource group itself when it is the first to need it.
/// </summary>
internal sealed class BlobIgnitionStore(IResourceGroups resourceGroups, IBlobStorage blobs) : IIgnitionStore
{
    public async Task StoreAsync(string clusterResourceGroupId, string location, string infraId, string role, byte[] config, CancellationToken cancellationToken)
    {
        await resourceGroups.EnsureAsync(clusterResourceGroupId, location, tags: null, cancellationToken);
        var blob = new BlobLocation(clusterResourceGroupId, ClusterResourceNames.StorageAccountFor(clusterResourceGroupId), ClusterResourceNames.IgnitionContainer, BlobNameFor(role));
        await blobs.UploadAsync(blob, location, BinaryData.FromBytes(config), cancellationToken);
    }

    public static string BlobNameFor(string role) => $"{role}.ign";
}
