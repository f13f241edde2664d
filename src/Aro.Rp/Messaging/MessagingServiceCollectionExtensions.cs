using MassTransit;

namespace Aro.Rp.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus every host uses. The embedded default is MassTransit's in-memory transport with
    /// its delayed scheduler (for step timeouts); endpoints are named in kebab case from their consumers
    /// and sagas, which <paramref name="configure"/> registers.
    /// </summary>
    public static IServiceCollection AddAroMessaging(this IServiceCollection services, Action<IBusRegistrationConfigurator>? configure = null)
    {
        services.AddMassTransit(bus =>
        {
            // Build and CI machines are offline; MassTransit would otherwise try to report usage.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddDelayedMessageScheduler();
            configure?.Invoke(bus);
            bus.UsingInMemory((context, transport) =>
            {
                transport.UseDelayedMessageScheduler();
                transport.ConfigureEndpoints(context);
            });
        });

        return services;
    }
}
