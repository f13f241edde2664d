using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Ignition;

/// <summary>Ensures the cluster PKI and Ignition configs, then reports the outcome to the saga; a command of an operation that no longer acts on the cluster is dropped.</summary>
public sealed class GenerateIgnitionConsumer(IIgnitionService ignition, ILogger<GenerateIgnitionConsumer> logger) : IConsumer<GenerateIgnition>
{
    public async Task Consume(ConsumeContext<GenerateIgnition> context)
    {
        var command = context.Message;
        var outcome = await ignition.GenerateAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new IgnitionGenerated(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new IgnitionGenerationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
