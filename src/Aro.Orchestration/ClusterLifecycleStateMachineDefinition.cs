using MassTransit;

namespace Aro.Orchestration;

/// <summary>
/// The saga endpoint. Retry re-runs a message on fresh state after a lost optimistic-concurrency race (the
/// DNS and Ignition outcomes of the fork arrive together) or a busy store; the in-memory outbox holds every
/// output until the instance is saved, so a retried or failed attempt emits nothing. Step timeouts scheduled on a
/// broker that schedules outside the outbox (Service Bus) are the exception: a retried attempt's timeout stays
/// scheduled, fires later and is ignored (it is not the saga's current attempt).
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
    }
}
