using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Dns;

/// <summary>Ensures the cluster's DNS records and reports the outcome to the saga; a command of an operation that no longer acts on the cluster is dropped.</summary>
public sealed class ConfigureDnsConsumer(IClusterDns dns, ILogger<ConfigureDnsConsumer> logger) : IConsumer<ConfigureDns>
{
    public async Task Consume(ConsumeContext<ConfigureDns> context)
    {
        var command = context.Message;
        var outcome = await dns.ConfigureAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new DnsConfigured(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new DnsConfigurationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
