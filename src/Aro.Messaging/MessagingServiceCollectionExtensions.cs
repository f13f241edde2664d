using System.Security.Authentication;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.Scheduling;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aro.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The message bus every host uses, on the transport <c>Messaging:Transport</c> names: MassTransit's in-memory
    /// transport with its delayed scheduler (the embedded default), or RabbitMQ with quorum queues and the
    /// store-backed scheduler (<see cref="StoredMessageScheduler"/>). Endpoints are named in kebab case from the
    /// consumers and sagas <paramref name="configure"/> registers; their definitions hold retry and outbox.
    /// </summary>
    public static IServiceCollection AddAroMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator, MessagingOptions>? configure = null)
    {
        var section = configuration.GetSection(MessagingOptions.SectionName);
        services.AddOptions<MessagingOptions>()
            .Bind(section)
            .Validate(o => o.UsesRabbitMq || string.Equals(o.Transport, MessagingOptions.InMemoryTransport, StringComparison.OrdinalIgnoreCase), "ARO_TRANSPORT (Messaging:Transport) must be inmemory or rabbitmq.")
            .Validate(o => !o.UsesRabbitMq || !string.IsNullOrWhiteSpace(o.RabbitMq.Host), "ARO_RABBITMQ_HOST (Messaging:RabbitMq:Host) is required with the rabbitmq transport.")
            .Validate(o => !o.UsesRabbitMq || o.RabbitMq.EffectivePort is > 0 and <= 65535, "ARO_RABBITMQ_PORT (Messaging:RabbitMq:Port) must be a TCP port.")
            .Validate(o => !o.UsesRabbitMq || !string.IsNullOrEmpty(o.RabbitMq.VirtualHost), "ARO_RABBITMQ_VHOST (Messaging:RabbitMq:VirtualHost) must not be empty; the default virtual host is /.")
            .Validate(o => !o.UsesRabbitMq || !string.IsNullOrEmpty(o.RabbitMq.Username), "ARO_RABBITMQ_USERNAME (Messaging:RabbitMq:Username) is required with the rabbitmq transport.")
            .Validate(o => o.Scheduler.PollInterval > TimeSpan.Zero && o.Scheduler.ClaimTimeout > TimeSpan.Zero && o.Scheduler.BatchSize > 0, "Messaging:Scheduler needs a positive PollInterval, ClaimTimeout and BatchSize.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        // The transport decides how the bus is built, so it is read now; the options above fail the start if it is wrong.
        var messaging = section.Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddMassTransit(bus =>
        {
            // Build and CI machines are offline; MassTransit would otherwise try to report usage.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            configure?.Invoke(bus, messaging);
            if (messaging.UsesRabbitMq)
            {
                UseRabbitMq(bus);
            }
            else
            {
                UseInMemory(bus);
            }
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

    private static void UseInMemory(IBusRegistrationConfigurator bus)
    {
        bus.AddDelayedMessageScheduler();
        bus.UsingInMemory((context, transport) =>
        {
            transport.UseDelayedMessageScheduler();
            transport.ConfigureEndpoints(context);
        });
    }

    private static void UseRabbitMq(IBusRegistrationConfigurator bus)
    {
        // RabbitMQ 3.10 ships no delayed-message exchange: step timeouts go through the store instead.
        bus.AddStoredMessageSchedulerClient();
        bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
        {
            // Replicated, durable queues with at-least-once delivery; on one node they are simply durable.
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
            }
        });
        bus.UsingRabbitMq((context, transport) =>
        {
            var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMq;
            transport.Host(options.Host, (ushort)options.EffectivePort, options.VirtualHost, host =>
            {
                host.Username(options.Username);
                host.Password(options.Password);
                if (options.UseTls)
                {
                    host.UseSsl(tls =>
                    {
                        tls.ServerName = options.Host;
                        tls.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    });
                }
            });
            transport.UseStoredMessageScheduler();
            transport.ConfigureEndpoints(context);
        });
    }
}
