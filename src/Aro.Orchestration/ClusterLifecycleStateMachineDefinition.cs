using MassTransit;

namespace Aro.Orchestration;

/// <summary>
/// The saga endpoint. Retry re-runs a message on fresh state after a lost optimistic-concurrency race (the
/// DNS and Ignition outcomes of the fork arrive together) or a busy store; the in-memory outbox holds every
/// output until the instance is saved, so a retried or failed attempt emits nothing. Within a process one cluster's
/// messages run one at a time (<see cref="SagaPartitioning"/>), so such races are between processes only.
/// </summary>
public sealed class ClusterLifecycleStateMachineDefinition : SagaDefinition<ClusterLifecycleState>
{
    public ClusterLifecycleStateMachineDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<ClusterLifecycleState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(20, 100, 250, 500, 1000, 2000));
        endpointConfigurator.UseInMemoryOutbox(context);
        sagaConfigurator.PartitionByCluster(endpointConfigurator.CreatePartitioner(ConcurrentMessageLimit ?? 16));
    }
}
