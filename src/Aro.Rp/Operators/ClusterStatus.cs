using Aro.Api;
using Aro.Api.Model;
using Aro.Orchestration;
using Aro.Persistence.Documents;

namespace Aro.Rp.Operators;

/// <summary>Where one cluster stands: its document, the operation acting on it (or that last did) and its lifecycle saga.</summary>
internal sealed record ClusterStatus(OpenShiftClusterDocument Document, AsyncOperationDocument? Operation, ClusterLifecycleState? Saga)
{
    public OpenShiftCluster Cluster => Document.OpenShiftCluster;

    public ProvisioningState ProvisioningState => Cluster.Properties.ProvisioningState;

    /// <summary>What the operation does, from the saga or, without one, from the state the operation started from.</summary>
    public ClusterOperationKind? OperationKind => Saga?.Operation ?? Operation?.InitialProvisioningState switch
    {
        ProvisioningState.Creating => ClusterOperationKind.Create,
        ProvisioningState.Updating => ClusterOperationKind.Update,
        ProvisioningState.Deleting => ClusterOperationKind.Delete,
        _ => null,
    };

    /// <summary>The step running now or, once the operation failed, the step it failed in; null when none applies.</summary>
    public string? CurrentStep =>
        Saga is { } saga && LifecycleSteps.IsStep(saga.CurrentState)
            ? saga.CurrentState
            : SagaOfOperation?.Step ?? Operation?.AsyncOperation.Properties?.Step;

    /// <summary>
    /// How far the operation has come: a succeeded one is complete; otherwise what the saga recorded for it (where the
    /// RP keeps progress), else what the operation document carries (documents written before progress moved).
    /// </summary>
    public int? PercentComplete =>
        Operation?.AsyncOperation.Status == ProvisioningState.Succeeded
            ? 100
            : SagaOfOperation?.PercentComplete ?? Operation?.AsyncOperation.PercentComplete;

    /// <summary>The saga, when the operation it runs (or last ran) is this one.</summary>
    private ClusterLifecycleState? SagaOfOperation =>
        Saga is { } saga && Operation is { } operation && string.Equals(saga.OperationId, operation.AsyncOperation.Name, StringComparison.OrdinalIgnoreCase)
            ? saga
            : null;

    /// <summary>The error the cluster last failed with: the document's, else the operation's, else the saga's.</summary>
    public CloudErrorBody? LastError =>
        Cluster.Properties.LastError
        ?? Operation?.AsyncOperation.Error
        ?? (Saga?.ErrorCode is { } code ? new CloudErrorBody(code, Saga.ErrorMessage ?? "", Saga.ErrorTarget) : null);

    /// <summary>When anything about the cluster last changed, as far as the store records it.</summary>
    public DateTimeOffset? LastChange => new[]
    {
        Document.LastProgressAt,
        Cluster.SystemData?.LastModifiedAt,
        Cluster.SystemData?.CreatedAt,
        Operation?.AsyncOperation.EndTime,
        Operation?.AsyncOperation.StartTime,
    }.Max();

    public bool IsSettled => ProvisioningState.IsTerminal();

    /// <summary>The operation's steps in order, each done, running, failed or pending.</summary>
    public IReadOnlyList<StepProgress> Timeline => LifecycleSteps.Timeline(this);
}
