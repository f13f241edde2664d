using System.Security.Authentication;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.RabbitMq.DeadLetters;
using Aro.Messaging.Scheduling;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aro.Messaging.RabbitMq;

/// <summary>
/// RabbitMQ: durable quorum queues shared by many processes. RabbitMQ 3.10 ships no delayed-message exchange, so step
/// timeouts go through the store-backed scheduler.
/// </summary>
public sealed class RabbitMqTransport : IMessageTransport
{
    public const string TransportName = "rabbitmq";

    public string Name => TransportName;

    public bool ReachesOtherProcesses => true;

    public bool SchedulesThroughStore => true;

    public void AddOptions(IServiceCollection services, IConfigurationSection messaging) =>
        services.AddOptions<RabbitMqOptions>()
            .Bind(messaging.GetSection(RabbitMqOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "ARO_RABBITMQ_HOST (Messaging:RabbitMq:Host) is required with the rabbitmq transport.")
            .Validate(o => o.EffectivePort is > 0 and <= 65535, "ARO_RABBITMQ_PORT (Messaging:RabbitMq:Port) must be a TCP port.")
            .Validate(o => !string.IsNullOrEmpty(o.VirtualHost), "ARO_RABBITMQ_VHOST (Messaging:RabbitMq:VirtualHost) must not be empty; the default virtual host is /.")
            .Validate(o => !string.IsNullOrEmpty(o.Username), "ARO_RABBITMQ_USERNAME (Messaging:RabbitMq:Username) is required with the rabbitmq transport.")
            .ValidateOnStart();

    public void UseTransport(IBusRegistrationConfigurator bus)
    {
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
            var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
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

    public async Task<IDeadLetterQueues?> OpenDeadLetterQueuesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await DeadLetterQueues.ConnectAsync(services.GetRequiredService<IOptions<RabbitMqOptions>>().Value, cancellationToken);
}
