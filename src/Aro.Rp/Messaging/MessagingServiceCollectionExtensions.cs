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

        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // Started means started: hosted services after this one (the reconciler) may publish at once.
            options.WaitUntilStarted = true;
            // A step can run for minutes; on shutdown it is cancelled rather than awaited, because every step is
            // idempotent and the saga or the reconciler sends it again.
            options.ConsumerStopTimeout = TimeSpan.FromSeconds(3);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
