using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Network;

/// <summary>Validates the cluster's network and reports the outcome to the saga; a command of an operation that no longer acts on the cluster is dropped.</summary>
public sealed class ValidateNetworkConsumer(INetworkValidator validator, ILogger<ValidateNetworkConsumer> logger) : IConsumer<ValidateNetwork>
{
    public async Task Consume(ConsumeContext<ValidateNetwork> context)
    {
        var command = context.Message;
        var outcome = await validator.ValidateAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new NetworkValidated(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new NetworkValidationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
