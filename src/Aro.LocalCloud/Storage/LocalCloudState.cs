using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Storage;

/// <summary>The shape of the persisted state file; also the unit the store locks as a whole.</summary>
internal sealed class LocalCloudState
{
    /// <summary>ARM resources and resource groups keyed by their lower-cased id.</summary>
    public Dictionary<string, JsonObject> Resources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Blob containers keyed "account/container" (lower-cased), with their creation time.</summary>
    public Dictionary<string, DateTimeOffset> Containers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Blobs keyed "account/container/blobName" (account and container lower-cased; blob names are case-sensitive).</summary>
    public Dictionary<string, StoredBlob> Blobs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Simulated clusters keyed by cluster key (the cluster resource group name, lower-cased).</summary>
    public Dictionary<string, SimulatedClusterState> Clusters { get; set; } = new(StringComparer.Ordinal);
}
