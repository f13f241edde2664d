namespace Aro.Orchestration;

/// <summary>What the cluster's current async operation does; it picks the terminal events the saga publishes.</summary>
public enum ClusterOperationKind
{
    Create,
    Update,
    Scale,
    Delete,
}
