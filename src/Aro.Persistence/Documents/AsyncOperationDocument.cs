using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>One long-running operation on a cluster, partitioned by subscription, keyed by the operation name.</summary>
public sealed class AsyncOperationDocument : IDocument
{
    public string Id { get; set; } = "";

    public string PartitionKey { get; set; } = "";

    public string? ETag { get; set; }

    /// <summary>The lower-cased resource id of the cluster the operation acts on.</summary>
    public string OpenShiftClusterKey { get; set; } = "";

    /// <summary>The provisioningState the operation started from (Creating, Updating or Deleting).</summary>
    public ProvisioningState InitialProvisioningState { get; set; }

    public AsyncOperation AsyncOperation { get; set; } = new();
}
