using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Dns;

/// <summary>Ensures the cluster's DNS records and reports the outcome to the saga.</summary>
public sealed class ConfigureDnsConsumer(IClusterDns dns) : IConsumer<ConfigureDns>
{
    public async Task Consume(ConsumeContext<ConfigureDns> context)
    {
        var command = context.Message;
        if (await dns.ConfigureAsync(command.ResourceId, context.CancellationToken) is { } error)
        {
            await context.Publish(new DnsConfigurationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new DnsConfigured(command.ClusterId, command.ResourceId, command.OperationId), context.CancellationToken);
    }
}
