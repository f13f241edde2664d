using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>
/// A cluster document read to be shown (GET, list, an operation's result), with its [Secret] fields left sealed in
/// the store: they are empty here. It is not an <see cref="IDocument"/>, so no store takes it back: written, it would
/// replace every secret of the cluster with nothing.
/// </summary>
public sealed class OpenShiftClusterWithoutSecrets
{
    internal OpenShiftClusterWithoutSecrets(OpenShiftClusterDocument document)
    {
        Id = document.Id;
        PartitionKey = document.PartitionKey;
        ETag = document.ETag;
        OpenShiftCluster = document.OpenShiftCluster;
    }

    public string Id { get; }

    public string PartitionKey { get; }

    public string? ETag { get; }

    public OpenShiftCluster OpenShiftCluster { get; }
}
