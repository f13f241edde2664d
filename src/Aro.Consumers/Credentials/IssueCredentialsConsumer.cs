using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Credentials;

/// <summary>Ensures the cluster's credentials, then reports the outcome to the saga; the credentials never leave the store.</summary>
/// <remarks>A command of an operation that no longer acts on the cluster is dropped.</remarks>
public sealed class IssueCredentialsConsumer(ICredentialsService credentials, ILogger<IssueCredentialsConsumer> logger) : IConsumer<IssueCredentials>
{
    public async Task Consume(ConsumeContext<IssueCredentials> context)
    {
        var command = context.Message;
        var outcome = await credentials.IssueAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new CredentialsIssued(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new CredentialsIssuanceFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
