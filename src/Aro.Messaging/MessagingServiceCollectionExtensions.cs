using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus every host uses, on the one of <paramref name="transports"/> that <c>Messaging:Transport</c>
    /// names (registered as <see cref="IMessageTransport"/>). Endpoints are named in kebab case from the consumers and
    /// sagas <paramref name="configure"/> registers; their definitions hold retry and outbox.
    /// </summary>
    public static IServiceCollection AddAroMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        IReadOnlyList<IMessageTransport> transports,
        Action<IBusRegistrationConfigurator, IMessageTransport>? configure = null)
    {
        var section = configuration.GetSection(MessagingOptions.SectionName);
        var names = string.Join(" or ", transports.Select(t => t.Name));
        services.AddOptions<MessagingOptions>()
            .Bind(section)
            .Validate(o => Find(transports, o.Transport) is not null, $"ARO_TRANSPORT (Messaging:Transport) must be {names}.")
            .Validate(o => o.Scheduler.PollInterval > TimeSpan.Zero && o.Scheduler.ClaimTimeout > TimeSpan.Zero && o.Scheduler.BatchSize > 0, "Messaging:Scheduler needs a positive PollInterval, ClaimTimeout and BatchSize.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        // The transport decides how the bus is built, so it is read now. An unknown one fails the start through the
        // options above; until then the bus is built on the first transport, so the failure is that message.
        var messaging = section.Get<MessagingOptions>() ?? new MessagingOptions();
        var transport = Find(transports, messaging.Transport) ?? transports[0];
        services.AddSingleton(transport);
        transport.AddOptions(services, section);
        services.AddMassTransit(bus =>
        {
            // Build and CI machines are offline; MassTransit would otherwise try to report usage.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            configure?.Invoke(bus, transport);
            transport.UseTransport(bus);
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

    /// <summary>The transport <paramref name="name"/> selects, ignoring case; null when none does.</summary>
    public static IMessageTransport? Find(IReadOnlyList<IMessageTransport> transports, string? name) =>
        transports.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
