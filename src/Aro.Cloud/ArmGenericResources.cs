using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace Aro.Cloud;

/// <summary>
/// Get, create and delete of resource types without a typed SDK, with "ensure" semantics: a get that
/// finds nothing returns null, a delete of something already gone succeeds.
/// </summary>
internal sealed class ArmGenericResources(ArmClient client)
{
    public async Task<GenericResourceData?> GetAsync(ResourceIdentifier id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetGenericResource(id).GetAsync(cancellationToken);
            return response.Value.Data;
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Returns the existing resource, or creates it with <paramref name="properties"/> and waits for the operation.</summary>
    public async Task<GenericResourceData> EnsureAsync(ResourceIdentifier id, string location, JsonObject properties, CancellationToken cancellationToken, string? sku = null, string? kind = null)
    {
        if (await GetAsync(id, cancellationToken) is { } existing)
        {
            return existing;
        }

        return await PutAsync(id, location, properties, cancellationToken, sku, kind);
    }

    /// <summary>Creates or replaces the resource; for resources whose content follows the request (record sets).</summary>
    public async Task<GenericResourceData> PutAsync(ResourceIdentifier id, string location, JsonObject properties, CancellationToken cancellationToken, string? sku = null, string? kind = null)
    {
        var data = new GenericResourceData(new AzureLocation(location))
        {
            Properties = BinaryData.FromString(properties.ToJsonString()),
            Sku = sku is null ? null : new ResourcesSku { Name = sku },
            Kind = kind,
        };

        var operation = await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, data, cancellationToken);
        return operation.Value.Data;
    }

    public async Task DeleteAsync(ResourceIdentifier id, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetGenericResource(id).DeleteAsync(WaitUntil.Completed, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Already gone (or its resource group is): that is what was asked for.
        }
    }

    public static JsonObject Properties(GenericResourceData data) =>
        data.Properties is null ? [] : JsonNode.Parse(data.Properties.ToString()) as JsonObject ?? [];
}
