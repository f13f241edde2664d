using System.Net;
using Aro.Api;
using Aro.Frontend.Http;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET .../locations/{location}/operationsstatus/{operationId}: where a long-running operation stands.</summary>
internal static class AsyncOperationStatusGet
{
    public static async Task<IResult> HandleAsync(ArmRequest request, HttpRequest http, IAsyncOperationStore operations, CancellationToken cancellationToken)
    {
        var operationId = ((string)http.RouteValues["operationId"]!).ToLowerInvariant();
        var document = await operations.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId), operationId, cancellationToken)
            ?? throw NotFound();

        return Results.Json(document.AsyncOperation, ArmJson.Options, "application/json");
    }

    public static CloudError NotFound() => new(HttpStatusCode.NotFound, CloudErrorCodes.NotFound, null, "The entity was not found.");
}
