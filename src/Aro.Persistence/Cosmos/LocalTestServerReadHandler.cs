using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// Makes point reads of missing items answer 404 on the local Cosmos DB test server (@vercel/cosmosdb-server), which
/// otherwise fails them with a 500 in its partition key check. It skips that check for requests flagged as
/// cross-partition, a flag Azure and the emulator ignore on point reads. Only installed for local servers.
/// </summary>
internal sealed class LocalTestServerReadHandler : RequestHandler
{
    private const string EnableCrossPartitionHeader = "x-ms-documentdb-query-enablecrosspartition";

    public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get && request.RequestUri.OriginalString.Contains("/docs/", StringComparison.Ordinal))
        {
            request.Headers.Set(EnableCrossPartitionHeader, bool.TrueString);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
