using Aro.Orchestration;
using Aro.Persistence.Documents;

namespace Aro.Rp.Admin;

/// <summary>
/// Everything an operator needs to understand where a cluster stands: its document (secrets left out), the
/// operation acting on it, and the lifecycle saga's state (current step, attempts, last error).
/// </summary>
internal sealed record ClusterInternalView(
    OpenShiftClusterDocument Document,
    AsyncOperationDocument? Operation,
    ClusterSagaView? Saga,
    string? SagaUnavailableReason);

/// <summary>The lifecycle saga of one cluster as stored.</summary>
internal sealed record ClusterSagaView(
    Guid CorrelationId,
    string State,
    ClusterOperationKind Operation,
    string OperationId,
    int Attempt,
    int Version,
    int? WorkerCount,
    bool DnsFinished,
    bool IgnitionFinished,
    string? ErrorCode,
    string? ErrorMessage,
    string? ErrorTarget)
{
    public static ClusterSagaView From(ClusterLifecycleState state) => new(
        state.CorrelationId,
        state.CurrentState,
        state.Operation,
        state.OperationId,
        state.Attempt,
        state.Version,
        state.WorkerCount,
        state.DnsFinished,
        state.IgnitionFinished,
        state.ErrorCode,
        state.ErrorMessage,
        state.ErrorTarget);
}
