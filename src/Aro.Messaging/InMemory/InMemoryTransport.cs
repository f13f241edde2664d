using Aro.Messaging.DeadLetters;
using MassTransit;

namespace Aro.Messaging.InMemory;

/// <summary>
/// MassTransit's in-memory transport with a scheduler that can cancel (<see cref="InMemoryMessageScheduler"/>): one
/// process, nothing survives it (the embedded default).
/// </summary>
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
        bus.AddInMemoryMessageScheduler();
        bus.UsingInMemory((context, transport) =>
        {
            transport.UseInMemoryMessageScheduler(context);
            transport.ConfigureEndpoints(context);
        });
    }

    public Task<IDeadLetterQueues?> OpenDeadLetterQueuesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult<IDeadLetterQueues?>(null);
}
