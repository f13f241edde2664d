using MassTransit;
using MassTransit.Configuration;
using MassTransit.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Messaging.ServiceBus.Scheduling;

public static class ServiceBusMessageSchedulerExtensions
{
    /// <summary>Scheduling on consume contexts goes to the broker (used by <c>UsingAroServiceBus</c>).</summary>
    public static void UseAroServiceBusMessageScheduler(this IBusFactoryConfigurator configurator) =>
        configurator.AddPrePipeSpecification(new SchedulerSpecification());

    /// <summary>An <see cref="IMessageScheduler"/> in the container that schedules on the broker.</summary>
    public static void AddAroServiceBusMessageScheduler(this IBusRegistrationConfigurator configurator) =>
        configurator.TryAddScoped<IMessageScheduler>(provider => new MessageScheduler(
            new ServiceBusScheduleMessageProvider(provider.GetRequiredService<ISendEndpointProvider>()),
            provider.GetRequiredService<IBus>().Topology));

    private sealed class SchedulerSpecification : IPipeSpecification<ConsumeContext>
    {
        public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(new ServiceBusMessageSchedulerFilter());

        public IEnumerable<ValidationResult> Validate() => [];
    }
}
