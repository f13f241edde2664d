using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Storage;

/// <summary>The Kubernetes objects of one simulated cluster.</summary>
internal sealed class SimulatedClusterState
{
    public string Key { get; set; } = "";

    public string Uid { get; set; } = Guid.NewGuid().ToString();

    public DateTimeOffset CreatedOn { get; set; } = DateTimeOffset.UtcNow;

    public string OpenShiftVersion { get; set; } = "";

    /// <summary>Cluster-wide counter behind every object's metadata.resourceVersion, as etcd's revision is.</summary>
    public long ResourceVersion { get; set; }

    public Dictionary<string, JsonObject> MachineSets { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Machines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>core/v1 Secrets keyed "{namespace}/{name}"; they hold what machines boot with, so the state files are owner-only.</summary>
    public Dictionary<string, JsonObject> Secrets { get; set; } = new(StringComparer.Ordinal);
}
