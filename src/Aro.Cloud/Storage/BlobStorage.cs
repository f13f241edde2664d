using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Aro.Cloud.Storage;

/// <summary>
/// Ensures the storage account through ARM, reads its blob endpoint from <c>primaryEndpoints.blob</c> and
/// talks to it with Azure.Storage.Blobs, authenticated by the same token credential as ARM.
/// </summary>
internal sealed class BlobStorage(ArmGenericResources resources, TokenCredential credential, CloudHttpTransport transport, TimeProvider timeProvider) : IBlobStorage
{
    // A SAS starts a little in the past: the storage service's clock may be behind the RP's.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task UploadAsync(IReadOnlyList<BlobContent> blobs, string location, CancellationToken cancellationToken)
    {
        // Each account and container is ensured once: the Ignition step writes three configs into one container, and
        // ensuring it for each cost two ARM reads and two container creates more per cluster.
        foreach (var account in blobs.GroupBy(blob => AccountId(blob.Location).ToString(), StringComparer.OrdinalIgnoreCase))
        {
            var first = account.First().Location;
            var properties = new JsonObject
            {
                ["minimumTlsVersion"] = "TLS1_2",
                ["allowBlobPublicAccess"] = false,
                ["supportsHttpsTrafficOnly"] = true,
            };
            var stored = await resources.EnsureAsync(AccountId(first), location, properties, cancellationToken, sku: "Standard_LRS", kind: "StorageV2");
            var endpoint = BlobEndpoint(stored, first);
            foreach (var container in account.GroupBy(blob => blob.Location.Container, StringComparer.Ordinal))
            {
                await new BlobContainerClient(ContainerUri(endpoint, container.First().Location), credential, ClientOptions()).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                foreach (var blob in container)
                {
                    await new BlobClient(BlobUri(endpoint, blob.Location), credential, ClientOptions()).UploadAsync(blob.Content, overwrite: true, cancellationToken);
                }
            }
        }
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

    public async Task<Uri> CreateReadUrlAsync(BlobLocation blob, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var account = await resources.GetAsync(AccountId(blob), cancellationToken)
            ?? throw new InvalidOperationException($"The storage account '{blob.StorageAccount}' does not exist.");
        var endpoint = BlobEndpoint(account, blob);
        var now = timeProvider.GetUtcNow();
        var startsOn = now - ClockSkew;
        var expiresOn = now + lifetime;
        // The client appends "/" to its URI; an endpoint with a path (the local cloud's) must not end with one already.
        var service = new BlobServiceClient(new Uri(endpoint.AbsoluteUri.TrimEnd('/')), credential, ClientOptions());
        var key = await service.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = blob.Container,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = startsOn,
            Protocol = SasProtocol.Https,
        };
        return new UriBuilder(BlobUri(endpoint, blob)) { Query = sas.ToSasQueryParameters(key.Value, blob.StorageAccount).ToString() }.Uri;
    }

    public async Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken)
    {
        if (await resources.GetAsync(AccountId(blob), cancellationToken) is not { } account)
        {
            return;
        }

        try
        {
            await new BlobClient(BlobUri(BlobEndpoint(account, blob), blob), credential, ClientOptions()).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // The container is gone, and the blob with it.
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
