using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;

namespace Aro.Consumers.Projection;

/// <summary>
/// Writes the backend's progress and outcomes onto the documents clients read: the cluster's
/// provisioningState (and failedProvisioningState, error) and the async operation's status,
/// percentComplete, endTime and error. Every method is idempotent.
/// </summary>
public sealed class ClusterProjection(IClusterOperationStore store, ClusterOperationMetrics metrics, CustomerErrorRedaction redaction, TimeProvider timeProvider)
{
    public Task ProgressAsync(string resourceId, string operationId, string step, int percentComplete, CancellationToken cancellationToken) =>
        store.UpdateOperationAsync(resourceId, operationId, operation =>
        {
            // Redelivered or reordered progress never moves the bar (or the step shown with it) backwards.
            if (!operation.Status.IsTerminal() && percentComplete >= (operation.PercentComplete ?? 0))
            {
                operation.PercentComplete = percentComplete;
                operation.Properties = new AsyncOperationProperties { Step = step };
            }
        }, cancellationToken);

    public async Task SucceededAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(resourceId, operationId, cluster =>
        {
            cluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            cluster.Properties.FailedProvisioningState = null;
            cluster.Properties.LastError = null;
        }, cancellationToken);
        await EndOperationAsync(resourceId, operationId, ProvisioningState.Succeeded, error: null, cancellationToken);
    }

    public async Task FailedAsync(string resourceId, string operationId, CloudErrorBody error, CancellationToken cancellationToken)
    {
        // Where a step's error becomes what the customer reads (lastError, the operation's error): the one place the
        // RP's own ids are taken out.
        error = redaction.Redact(error);
        await store.UpdateAsync(resourceId, operationId, cluster =>
        {
            if (cluster.Properties.ProvisioningState.IsTerminal())
            {
                return;
            }

            cluster.Properties.FailedProvisioningState = cluster.Properties.ProvisioningState;
            cluster.Properties.ProvisioningState = ProvisioningState.Failed;
            cluster.Properties.LastError = error;
        }, cancellationToken);
        await EndOperationAsync(resourceId, operationId, ProvisioningState.Failed, error, cancellationToken);
    }

    public async Task DeletedAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        await store.DeleteClusterAsync(resourceId, operationId, cancellationToken);
        await EndOperationAsync(resourceId, operationId, ProvisioningState.Succeeded, error: null, cancellationToken);
    }

    private async Task EndOperationAsync(string resourceId, string operationId, ProvisioningState status, CloudErrorBody? error, CancellationToken cancellationToken)
    {
        // Set by the attempt that wrote; a retry after a lost ETag race runs the change again on fresh state.
        (ProvisioningState Kind, TimeSpan Duration)? ended = null;
        await store.UpdateOperationAsync(resourceId, operationId, operation =>
        {
            ended = null;
            if (operation.Status.IsTerminal())
            {
                return;
            }

            ended = (operation.Status, timeProvider.GetUtcNow() - operation.StartTime);
            operation.Status = status;
            operation.Error = error;
            operation.EndTime = timeProvider.GetUtcNow();
            if (status == ProvisioningState.Succeeded)
            {
                operation.PercentComplete = 100;
            }
        }, cancellationToken);

        // Redelivered terminal events find the operation ended already and count nothing.
        if (ended is { } operationEnded)
        {
            metrics.Ended(operationEnded.Kind, status, error, operationEnded.Duration);
        }
    }
}
