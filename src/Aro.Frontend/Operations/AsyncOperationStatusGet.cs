using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET .../locations/{location}/operationsstatus/{operationId}: where a long-running operation stands.</summary>
internal static class AsyncOperationStatusGet
{
    public static async Task<IResult> HandleAsync(ArmRequest request, AsyncOperationReader operations, SubscriptionStateValidator subscriptions, CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var document = await operations.GetAsync(request.SubscriptionId, request.OperationId, cancellationToken);
        return Results.Json(document.AsyncOperation, ArmJson.Options, "application/json");
    }
}
