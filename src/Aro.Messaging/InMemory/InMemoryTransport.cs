using MassTransit;

namespace Aro.Messaging.InMemory;

/// <summary>MassTransit's in-memory transport with its delayed scheduler: one process, nothing survives it (the embedded default).</summary>
public sealed class InMemoryTransport : IMessageTransport
{
    public const string TransportName = "inmemory";

    public string Name => TransportName;

    public bool ReachesOtherProcesses => false;

    public bool SchedulesThroughStore => false;

    public void AddOptions(IServiceCollection services, IConfigurationSection messaging)
    {
        // Nothing to configure: the bus lives in this process.
    }

    public void UseTransport(IBusRegistrationConfigurator bus)
    {
        bus.AddDelayedMessageScheduler();
        bus.UsingInMemory((context, transport) =>
        {
            transport.UseDelayedMessageScheduler();
            transport.ConfigureEndpoints(context);
        });
    }
}
