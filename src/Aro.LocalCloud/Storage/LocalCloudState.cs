using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Aro.LocalCloud.Storage;

/// <summary>The shape of the persisted snapshot; also the unit the store locks as a whole.</summary>
internal sealed class LocalCloudState
{
    /// <summary>ARM resources and resource groups keyed by their lower-cased id.</summary>
    public ArmResourceDictionary Resources { get; set; } = new();

    /// <summary>Blob containers keyed "account/container" (lower-cased), with their creation time.</summary>
    public TrackedDictionary<DateTimeOffset> Containers { get; set; } = new();

    /// <summary>Blobs keyed "account/container/blobName" (account and container lower-cased; blob names are case-sensitive).</summary>
    public TrackedDictionary<StoredBlob> Blobs { get; set; } = new();

    /// <summary>Simulated clusters keyed by cluster key (the cluster resource group name, lower-cased).</summary>
    public TrackedDictionary<SimulatedClusterState> Clusters { get; set; } = new();

    /// <summary>The journaled collections by the name their journal entries carry.</summary>
    [JsonIgnore]
    public IEnumerable<(string Name, IJournaledCollection Collection)> Collections =>
    [
        ("resources", Resources),
        ("containers", Containers),
        ("blobs", Blobs),
        ("clusters", Clusters),
    ];
}
