using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>The ETag a Cosmos DB write answers with, which the next conditional write of the item must carry.</summary>
internal static class CosmosETag
{
    /// <summary>The system property that holds an item's ETag.</summary>
    public const string Property = "_etag";

    /// <summary>
    /// The ETag header of a successful write, or the written item's <c>_etag</c> when a server answers without
    /// the header.
    /// </summary>
    public static async Task<string> OfAsync(ResponseMessage response, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(response.Headers.ETag))
        {
            return response.Headers.ETag;
        }

        using var item = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return item.RootElement.GetProperty(Property).GetString()
            ?? throw new InvalidOperationException("Cosmos DB answered a write without an ETag.");
    }
}
