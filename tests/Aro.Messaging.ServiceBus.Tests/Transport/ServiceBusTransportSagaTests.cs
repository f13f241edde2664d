using MassTransit;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>
/// A small state machine over the transport, configured as the RP configures its backend (registrations,
/// kebab-case endpoints, ConfigureEndpoints): request → saga → command to a consumer → event back → saga done.
/// </summary>
public sealed class ServiceBusTransportSagaTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public async Task A_saga_drives_a_consumer_and_finishes_over_service_bus()
    {
        var ready = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var transport = await TransportBus.StartAsync(
            TransportBus.OptionsFor(bus),
            (context, cfg) =>
            {
                cfg.ReceiveEndpoint(LocalServiceBusFixture.UniqueName("cluster-ready-watcher"), e => e.Handler<RoundTripClusterReady>(readyContext =>
                {
                    ready.TrySetResult(readyContext.Message.ClusterId);
                    return Task.CompletedTask;
                }));
                cfg.ConfigureEndpoints(context);
            },
            x =>
            {
                x.SetKebabCaseEndpointNameFormatter();
                x.AddConsumer<RoundTripValidateNetworkConsumer>();
                x.AddSagaStateMachine<RoundTripStateMachine, RoundTripState>().InMemoryRepository();
            });
        var clusterId = Guid.NewGuid();

        await transport.Control.Publish(new RoundTripCreateRequested(clusterId));

        Assert.Equal(clusterId, await ready.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(BusHealthStatus.Healthy, transport.Control.CheckHealth().Status);
    }
}

public sealed record RoundTripCreateRequested(Guid ClusterId);

public sealed record RoundTripValidateNetwork(Guid ClusterId);

public sealed record RoundTripNetworkValidated(Guid ClusterId);

public sealed record RoundTripClusterReady(Guid ClusterId);

public sealed class RoundTripState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = string.Empty;
}

public sealed class RoundTripStateMachine : MassTransitStateMachine<RoundTripState>
{
    public RoundTripStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => CreateRequested, e => e.CorrelateById(context => context.Message.ClusterId));
        Event(() => NetworkValidated, e => e.CorrelateById(context => context.Message.ClusterId));

        Initially(
            When(CreateRequested)
                .Publish(context => new RoundTripValidateNetwork(context.Message.ClusterId))
                .TransitionTo(ValidatingNetwork));
        During(ValidatingNetwork,
            When(NetworkValidated)
                .Publish(context => new RoundTripClusterReady(context.Message.ClusterId))
                .Finalize());
    }

    public State ValidatingNetwork { get; private set; } = null!;

    public Event<RoundTripCreateRequested> CreateRequested { get; private set; } = null!;

    public Event<RoundTripNetworkValidated> NetworkValidated { get; private set; } = null!;
}

public sealed class RoundTripValidateNetworkConsumer : IConsumer<RoundTripValidateNetwork>
{
    public Task Consume(ConsumeContext<RoundTripValidateNetwork> context) =>
        context.Publish(new RoundTripNetworkValidated(context.Message.ClusterId));
}
