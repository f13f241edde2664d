using Aro.Api.Model;
using Aro.Orchestration;

namespace Aro.Rp.Operators;

/// <summary>
/// The steps each kind of operation goes through, in the order ClusterLifecycleStateMachine takes them. The saga keeps
/// only where it is now, so the timeline is drawn from that position: the steps before it are done, the ones after pending.
/// </summary>
internal static class LifecycleSteps
{
    private static readonly string[] Create =
    [
        nameof(ClusterLifecycleStateMachine.ValidatingNetwork),
        nameof(ClusterLifecycleStateMachine.ConfiguringDnsAndIgnition),
        nameof(ClusterLifecycleStateMachine.ProvisioningVirtualMachines),
        nameof(ClusterLifecycleStateMachine.IssuingCredentials),
    ];

    public static IReadOnlyList<string> Of(ClusterOperationKind kind) => kind switch
    {
        ClusterOperationKind.Create => Create,
        ClusterOperationKind.Update => [nameof(ClusterLifecycleStateMachine.Updating)],
        ClusterOperationKind.Scale => [nameof(ClusterLifecycleStateMachine.Scaling)],
        _ => [nameof(ClusterLifecycleStateMachine.Deleting)],
    };

    public static bool IsStep(string state) =>
        Enum.GetValues<ClusterOperationKind>().Any(kind => Of(kind).Contains(state, StringComparer.Ordinal));

    public static IReadOnlyList<StepProgress> Timeline(ClusterStatus status)
    {
        if (status.OperationKind is not { } kind)
        {
            return [];
        }

        var steps = Of(kind);
        var operationState = status.Operation?.AsyncOperation.Status ?? status.ProvisioningState;
        if (operationState == ProvisioningState.Succeeded)
        {
            return [.. steps.Select(step => new StepProgress(step, StepState.Done, null))];
        }

        var current = status.CurrentStep is { } step ? steps.ToList().IndexOf(step) : -1;
        var failed = operationState == ProvisioningState.Failed;
        return [.. steps.Select((name, index) => index < current
            ? new StepProgress(name, StepState.Done, null)
            : index == current
                ? new StepProgress(name, failed ? StepState.Failed : StepState.Running, status.Saga?.Attempt)
                : new StepProgress(name, StepState.Pending, null))];
    }
}
