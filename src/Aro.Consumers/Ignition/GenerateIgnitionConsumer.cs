using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Ignition;

/// <summary>Ensures the cluster PKI and Ignition configs, then reports the outcome to the saga.</summary>
public sealed class GenerateIgnitionConsumer(IIgnitionService ignition) : IConsumer<GenerateIgnition>
{
    public async Task Consume(ConsumeContext<GenerateIgnition> context)
    {
        var command = context.Message;
        var outcome = await ignition.GenerateAsync(command.ResourceId, context.CancellationToken);
        if (outcome.Error is { } error)
        {
            await context.Publish(new IgnitionGenerationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new IgnitionGenerated(command.ClusterId, command.ResourceId, command.OperationId), context.CancellationToken);
    }
}
