using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// Counts every request the Cosmos DB client makes for the RP (<see cref="StoreMetrics"/>): one per operation the code
/// asks for, before the SDK's own retries, named by what it does to which container.
/// </summary>
internal sealed class StoreOperationCountingHandler : RequestHandler
{
    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        StoreMetrics.Count("cosmos", KindOf(request), ContainerOf(request.RequestUri));
        return base.SendAsync(request, cancellationToken);
    }

    // A query is a POST carrying the query header; any other POST, and PUT, PATCH and DELETE change a document.
    private static string KindOf(RequestMessage request)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
        {
            return request.RequestUri?.OriginalString.Contains("/docs/", StringComparison.Ordinal) == true ? "read" : "query";
        }

        return request.Method == HttpMethod.Post && string.Equals(request.Headers["x-ms-documentdb-isquery"], "True", StringComparison.OrdinalIgnoreCase)
            ? "query"
            : "write";
    }

    // dbs/{database}/colls/{container}/docs/{id}: the container, or "" for database-level requests.
    private static string ContainerOf(Uri? requestUri)
    {
        var segments = requestUri?.OriginalString.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var colls = Array.IndexOf(segments, "colls");
        return colls >= 0 && colls + 1 < segments.Length ? segments[colls + 1] : "";
    }
}
