using Aro.Api.Model;
using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Progress;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET .../locations/{location}/operationsstatus/{operationId}: where a long-running operation stands.</summary>
internal static class AsyncOperationStatusGet
{
    public static async Task<IResult> HandleAsync(
        ArmRequest request, AsyncOperationReader operations, IOperationProgressReader progress, SubscriptionStateValidator subscriptions, CancellationToken cancellationToken)
    {
        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Read, cancellationToken);
        var document = await operations.GetAsync(request.SubscriptionId, request.OperationId, cancellationToken);
        var operation = document.AsyncOperation;
        if (await progress.GetAsync(document.OpenShiftClusterKey, cancellationToken) is { } current
            && string.Equals(current.OperationId, operation.Name, StringComparison.OrdinalIgnoreCase))
        {
            WithProgress(operation, current);
        }

        return Results.Json(operation, ArmJson.Options, "application/json");
    }

    /// <summary>
    /// The step the operation is in (or, once it failed, the step it failed in) and how far that puts it; a succeeded
    /// operation is complete whatever step it last reported.
    /// </summary>
    private static void WithProgress(AsyncOperation operation, OperationProgress progress)
    {
        operation.Properties = new AsyncOperationProperties { Step = progress.Step };
        if (operation.Status != ProvisioningState.Succeeded)
        {
            operation.PercentComplete = progress.PercentComplete;
        }
    }
}
