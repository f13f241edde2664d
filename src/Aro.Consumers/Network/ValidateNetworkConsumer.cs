using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Network;

/// <summary>Validates the cluster's network and reports the outcome to the saga.</summary>
public sealed class ValidateNetworkConsumer(INetworkValidator validator) : IConsumer<ValidateNetwork>
{
    public async Task Consume(ConsumeContext<ValidateNetwork> context)
    {
        var command = context.Message;
        if (await validator.ValidateAsync(command.ResourceId, context.CancellationToken) is { } error)
        {
            await context.Publish(new NetworkValidationFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new NetworkValidated(command.ClusterId, command.ResourceId, command.OperationId), context.CancellationToken);
    }
}
