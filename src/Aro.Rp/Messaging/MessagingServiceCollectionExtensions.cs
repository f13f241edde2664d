using MassTransit;

namespace Aro.Rp.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus every host uses. The embedded default is MassTransit's in-memory transport;
    /// endpoints are named in kebab case from their consumers.
    /// </summary>
    public static IServiceCollection AddAroMessaging(this IServiceCollection services)
    {
        services.AddMassTransit(bus =>
        {
            // Build and CI machines are offline; MassTransit would otherwise try to report usage.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });

        return services;
    }
}
