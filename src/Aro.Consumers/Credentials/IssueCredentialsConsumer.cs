using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Credentials;

/// <summary>Ensures the cluster's credentials, then reports the outcome to the saga; the credentials never leave the store.</summary>
public sealed class IssueCredentialsConsumer(ICredentialsService credentials) : IConsumer<IssueCredentials>
{
    public async Task Consume(ConsumeContext<IssueCredentials> context)
    {
        var command = context.Message;
        var outcome = await credentials.IssueAsync(command.ResourceId, context.CancellationToken);
        if (outcome.Error is { } error)
        {
            await context.Publish(new CredentialsIssuanceFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target), context.CancellationToken);
            return;
        }

        await context.Publish(new CredentialsIssued(command.ClusterId, command.ResourceId, command.OperationId), context.CancellationToken);
    }
}
