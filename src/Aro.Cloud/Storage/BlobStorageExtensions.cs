namespace Aro.Cloud.Storage;

public static class BlobStorageExtensions
{
    /// <summary>Writes one blob, creating its storage account (in <paramref name="location"/>) and container first if needed; overwrites.</summary>
    public static Task UploadAsync(this IBlobStorage blobs, BlobLocation blob, string location, BinaryData content, CancellationToken cancellationToken) =>
        blobs.UploadAsync([new BlobContent(blob, content)], location, cancellationToken);
}
