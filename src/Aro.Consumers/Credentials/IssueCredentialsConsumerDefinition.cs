using MassTransit;

namespace Aro.Consumers.Credentials;

/// <summary>
/// Permanent failures are answered with CredentialsIssuanceFailed; what throws is transient (the store)
/// and is retried with growing pauses before the command lands in the error queue.
/// </summary>
public sealed class IssueCredentialsConsumerDefinition : ConsumerDefinition<IssueCredentialsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<IssueCredentialsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.ShortCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
