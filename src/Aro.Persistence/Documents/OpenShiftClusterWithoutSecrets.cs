using Aro.Api.Model;
using Aro.Persistence.Stores;

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

    /// <summary>A document read without its secrets, as the stores hand it out; null stays null.</summary>
    internal static OpenShiftClusterWithoutSecrets? Of(OpenShiftClusterDocument? document) =>
        document is null ? null : new OpenShiftClusterWithoutSecrets(document);

    /// <summary>A page of documents read without their secrets, as the stores hand it out.</summary>
    internal static DocumentPage<OpenShiftClusterWithoutSecrets> Of(DocumentPage<OpenShiftClusterDocument> page) =>
        new([.. page.Items.Select(document => new OpenShiftClusterWithoutSecrets(document))], page.ContinuationToken);

    /// <summary>A version read without secrets, as the stores hand it out; null stays null.</summary>
    internal static DocumentVersion<OpenShiftClusterWithoutSecrets>? Of(DocumentVersion<OpenShiftClusterDocument>? version) =>
        version is null ? null : new(version.Id, version.ETag, Of(version.Document));

    public string Id { get; }

    public string PartitionKey { get; }

    public string? ETag { get; }

    public OpenShiftCluster OpenShiftCluster { get; }
}
