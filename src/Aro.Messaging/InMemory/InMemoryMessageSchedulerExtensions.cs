using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Messaging.InMemory;

/// <summary>Registration of <see cref="InMemoryMessageScheduler"/>: the scheduler of the in-memory transport.</summary>
public static class InMemoryMessageSchedulerExtensions
{
    /// <summary>Registers the scheduler, one per process.</summary>
    public static IBusRegistrationConfigurator AddInMemoryMessageScheduler(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.TryAddSingleton<InMemoryMessageScheduler>();
        return bus;
    }

    /// <summary>Makes every consume context schedule through <see cref="InMemoryMessageScheduler"/>, whose messages are sent later through the bus.</summary>
    public static void UseInMemoryMessageScheduler(this IInMemoryBusFactoryConfigurator transport, IBusRegistrationContext context)
    {
        var scheduler = context.GetRequiredService<InMemoryMessageScheduler>();
        transport.UseFilter(new InMemoryMessageSchedulerFilter(scheduler, context.GetRequiredService<IBus>));
    }
}
