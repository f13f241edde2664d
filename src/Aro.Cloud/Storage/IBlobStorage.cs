namespace Aro.Cloud.Storage;

/// <summary>Blobs in storage accounts the RP owns (a cluster's Ignition configs).</summary>
public interface IBlobStorage
{
    /// <summary>
    /// Writes the blobs, creating their storage accounts (in <paramref name="location"/>) and containers first if needed,
    /// each account and container once however many of its blobs are written; overwrites.
    /// </summary>
    Task UploadAsync(IReadOnlyList<BlobContent> blobs, string location, CancellationToken cancellationToken);

    /// <summary>The blob's content, or null when it, its container or its account does not exist.</summary>
    Task<BinaryData?> DownloadAsync(BlobLocation blob, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that reads the blob, and only that blob, without credentials until <paramref name="lifetime"/> from now: a
    /// read-only user delegation SAS (signed with a key the storage service hands out to the RP's identity, so no account
    /// key is involved). The blob's storage account must exist.
    /// </summary>
    Task<Uri> CreateReadUrlAsync(BlobLocation blob, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Deletes the blob; succeeds when it, its container or its account is already gone.</summary>
    Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken);
}
