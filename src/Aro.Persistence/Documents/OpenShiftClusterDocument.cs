using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>A cluster as stored: partitioned by subscription, keyed by its lower-cased resource id.</summary>
public sealed class OpenShiftClusterDocument : IDocument
{
    public string Id { get; set; } = "";

    public string PartitionKey { get; set; } = "";

    public string? ETag { get; set; }

    /// <summary>The operation currently (or last) acting on the cluster; the name in its operationsstatus URL.</summary>
    public string? AsyncOperationId { get; set; }

    /// <summary>When an operation last made progress; the reconciler looks for documents stuck without any.</summary>
    public DateTimeOffset? LastProgressAt { get; set; }

    public OpenShiftCluster OpenShiftCluster { get; set; } = new();

    public static string KeyFor(string resourceId) => resourceId.ToLowerInvariant();

    public static string PartitionKeyFor(string subscriptionId) => subscriptionId.ToLowerInvariant();
}
