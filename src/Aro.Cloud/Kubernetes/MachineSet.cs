namespace Aro.Cloud.Kubernetes;

/// <summary>A MachineSet as the scale and readiness code sees it.</summary>
/// <param name="Name">Its name in openshift-machine-api.</param>
/// <param name="Role">The machine role of its template (<c>worker</c>, <c>infra</c>, ...); null if unlabelled.</param>
/// <param name="Replicas">spec.replicas.</param>
/// <param name="ReadyReplicas">status.readyReplicas (0 when not reported).</param>
public sealed record MachineSet(string Name, string? Role, int Replicas, int ReadyReplicas)
{
    public bool IsReady => ReadyReplicas == Replicas;
}
