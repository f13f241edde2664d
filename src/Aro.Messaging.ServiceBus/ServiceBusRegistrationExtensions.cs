using Aro.Messaging.ServiceBus.Scheduling;
using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aro.Messaging.ServiceBus;

/// <summary>The transport's one entry point: <c>x.UsingAroServiceBus((context, sb) => sb.ConfigureEndpoints(context))</c>.</summary>
public static class ServiceBusRegistrationExtensions
{
    /// <summary>
    /// Runs the bus on Service Bus with the <see cref="ServiceBusTransportOptions"/> bound in the container
    /// (section <see cref="ServiceBusTransportOptions.SectionName"/>); topology is created when the options say
    /// so, or by default when the host environment is Development. Also registers the broker-backed
    /// <see cref="IMessageScheduler"/> and the scheduler on every consume context.
    /// </summary>
    public static void UsingAroServiceBus(
        this IBusRegistrationConfigurator configurator,
        Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        configurator.AddAroServiceBusMessageScheduler();
        configurator.SetBusFactory(new DeferredRegistrationBusFactory(configure));
    }

    /// <summary>The same with explicit options, for tests and tools that have no options in their container.</summary>
    public static void UsingAroServiceBus(
        this IBusRegistrationConfigurator configurator,
        ServiceBusTransportOptions options,
        bool createTopology,
        Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(options);
        configurator.AddAroServiceBusMessageScheduler();
        configurator.SetBusFactory(new ServiceBusRegistrationBusFactory(options, createTopology, WithScheduler(configure)));
    }

    internal static Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator> WithScheduler(Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure) =>
        (context, bus) =>
        {
            bus.UseAroServiceBusMessageScheduler();
            configure?.Invoke(context, bus);
        };

    /// <summary>Options come from the container, which exists only when the bus is created.</summary>
    private sealed class DeferredRegistrationBusFactory(Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure) : IRegistrationBusFactory
    {
        public IBusInstance CreateBus(IBusRegistrationContext context, IEnumerable<IBusInstanceSpecification> specifications, string busName)
        {
            var options = context.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
            if (ServiceBusTransportOptionsValidator.Validate(options) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var isDevelopment = context.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
            var factory = new ServiceBusRegistrationBusFactory(options, options.ShouldCreateTopology(isDevelopment), WithScheduler(configure));
            return factory.CreateBus(context, specifications, busName);
        }
    }
}
