using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;

namespace Aro.Cloud.Storage;

/// <summary>
/// Ensures the storage account through ARM, reads its blob endpoint from <c>primaryEndpoints.blob</c> and
/// talks to it with Azure.Storage.Blobs, authenticated by the same token credential as ARM.
/// </summary>
internal sealed class BlobStorage(ArmGenericResources resources, TokenCredential credential, CloudHttpTransport transport) : IBlobStorage
{

    public async Task UploadAsync(BlobLocation blob, string location, BinaryData content, CancellationToken cancellationToken)
    {
        var properties = new JsonObject
        {
            ["minimumTlsVersion"] = "TLS1_2",
            ["allowBlobPublicAccess"] = false,
            ["supportsHttpsTrafficOnly"] = true,
        };
        var account = await resources.EnsureAsync(AccountId(blob), location, properties, cancellationToken, sku: "Standard_LRS", kind: "StorageV2");
        var endpoint = BlobEndpoint(account, blob);
        await new BlobContainerClient(ContainerUri(endpoint, blob), credential, ClientOptions()).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await new BlobClient(BlobUri(endpoint, blob), credential, ClientOptions()).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<BinaryData?> DownloadAsync(BlobLocation blob, CancellationToken cancellationToken)
    {
        if (await resources.GetAsync(AccountId(blob), cancellationToken) is not { } account)
        {
            return null;
        }

        try
        {
            var download = await new BlobClient(BlobUri(BlobEndpoint(account, blob), blob), credential, ClientOptions()).DownloadContentAsync(cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    private static ResourceIdentifier AccountId(BlobLocation blob) =>
        new($"{blob.ResourceGroupId}/providers/Microsoft.Storage/storageAccounts/{blob.StorageAccount}");

    private static Uri BlobEndpoint(Azure.ResourceManager.Resources.GenericResourceData account, BlobLocation blob) =>
        ArmGenericResources.Properties(account)["primaryEndpoints"]?["blob"]?.GetValue<string>() is { Length: > 0 } endpoint
            ? new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/")
            : throw new InvalidOperationException($"The storage account '{blob.StorageAccount}' reports no blob endpoint yet.");

    // Built from the account's endpoint rather than with GetBlobContainerClient/GetBlobClient: those re-parse the
    // URI and take an endpoint with a path (the local cloud's https://localhost:8444/_blob/{account}/) apart.
    private static Uri ContainerUri(Uri endpoint, BlobLocation blob) => new(endpoint, Uri.EscapeDataString(blob.Container));

    private static Uri BlobUri(Uri endpoint, BlobLocation blob) =>
        new(endpoint, $"{Uri.EscapeDataString(blob.Container)}/{string.Join('/', blob.Name.Split('/').Select(Uri.EscapeDataString))}");

    // Clients are cheap; what must not be per call is the handler, so each one gets the shared transport.
    private BlobClientOptions ClientOptions() => new() { Transport = transport.Transport };
}
