using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Projection;

/// <summary>
/// Writes the backend's outcomes onto the documents clients read: the cluster's provisioningState (and
/// failedProvisioningState, error) and the async operation's status, endTime and error. Progress is not written here:
/// operationsstatus reads it from the lifecycle saga (IOperationProgressReader), which records it with each transition,
/// so a create costs no document write per step. Every method is idempotent. The write that ends an operation also logs its
/// outcome, once: a redelivered outcome finds the operation ended and says nothing.
/// </summary>
public sealed class ClusterProjection(IClusterOperationStore store, ClusterOperationMetrics metrics, CustomerErrorRedaction redaction, TimeProvider timeProvider, ILogger<ClusterProjection> logger)
{
    public async Task SucceededAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var ending = new OperationEnding(ProvisioningState.Succeeded, error: null, timeProvider);
        await store.UpdateWithOperationAsync(resourceId, operationId, cluster =>
        {
            cluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            cluster.Properties.FailedProvisioningState = null;
            cluster.Properties.LastError = null;
        }, ending.Apply, cancellationToken);
        Report(resourceId, operationId, ending);
    }

    public async Task FailedAsync(string resourceId, string operationId, CloudErrorBody error, CancellationToken cancellationToken)
    {
        // Where a step's error becomes what the customer reads (lastError, the operation's error): the one place the
        // RP's own ids are taken out.
        error = redaction.Redact(error);
        var ending = new OperationEnding(ProvisioningState.Failed, error, timeProvider);
        await store.UpdateWithOperationAsync(resourceId, operationId, cluster =>
        {
            if (cluster.Properties.ProvisioningState.IsTerminal())
            {
                return;
            }

            cluster.Properties.FailedProvisioningState = cluster.Properties.ProvisioningState;
            cluster.Properties.ProvisioningState = ProvisioningState.Failed;
            cluster.Properties.LastError = error;
        }, ending.Apply, cancellationToken);
        Report(resourceId, operationId, ending);
    }

    public async Task DeletedAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        await store.DeleteClusterAsync(resourceId, operationId, cancellationToken);
        var ending = new OperationEnding(ProvisioningState.Succeeded, error: null, timeProvider);
        await store.UpdateOperationAsync(resourceId, operationId, ending.Apply, cancellationToken);
        Report(resourceId, operationId, ending);
    }

    /// <summary>Redelivered terminal events find the operation ended already and count (and log) nothing.</summary>
    private void Report(string resourceId, string operationId, OperationEnding ending)
    {
        if (ending.Ended is { } ended)
        {
            metrics.Ended(ended.StartedIn, ending.Status, ending.Error, ended.Duration);
            LogEnded(resourceId, operationId, OperationKind(ended.StartedIn), ending.Error);
        }
    }

    private void LogEnded(string resourceId, string operationId, string kind, CloudErrorBody? error)
    {
        if (error is null)
        {
            logger.LogInformation("Operation {OperationKind} of {ResourceId} Succeeded (operation {OperationId})", kind, resourceId, operationId);
        }
        else
        {
            logger.LogWarning("Operation {OperationKind} of {ResourceId} Failed with {ErrorCode}: {ErrorMessage} (operation {OperationId})",
                kind, resourceId, error.Code, error.Message, operationId);
        }
    }

    /// <summary>
    /// The verb of the state the operation started in. A scale is an update to the worker count: its PATCH's
    /// "Published ClusterScaleRequested" line carries the same operation id.
    /// </summary>
    private static string OperationKind(ProvisioningState startedIn) => startedIn switch
    {
        ProvisioningState.Creating => "create",
        ProvisioningState.Updating => "update",
        ProvisioningState.Deleting => "delete",
        _ => startedIn.ToString(),
    };
}
