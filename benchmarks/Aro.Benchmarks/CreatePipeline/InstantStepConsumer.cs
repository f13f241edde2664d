using Aro.Contracts;
using MassTransit;

namespace Aro.Benchmarks.CreatePipeline;

/// <summary>
/// Answers every step of a create at once, so a round trip measures the messages and the saga, not the cloud. One
/// endpoint for the five commands (the RP has one per step): the same messages cross the broker either way.
/// </summary>
public sealed class InstantStepConsumer :
    IConsumer<ValidateNetwork>,
    IConsumer<ConfigureDns>,
    IConsumer<GenerateIgnition>,
    IConsumer<ProvisionVirtualMachines>,
    IConsumer<IssueCredentials>
{
    public Task Consume(ConsumeContext<ValidateNetwork> context) =>
        context.Publish(new NetworkValidated(context.Message.ClusterId, context.Message.ResourceId, context.Message.OperationId));

    public Task Consume(ConsumeContext<ConfigureDns> context) =>
        context.Publish(new DnsConfigured(context.Message.ClusterId, context.Message.ResourceId, context.Message.OperationId));

    public Task Consume(ConsumeContext<GenerateIgnition> context) =>
        context.Publish(new IgnitionGenerated(context.Message.ClusterId, context.Message.ResourceId, context.Message.OperationId));

    public Task Consume(ConsumeContext<ProvisionVirtualMachines> context) =>
        context.Publish(new VirtualMachinesProvisioned(context.Message.ClusterId, context.Message.ResourceId, context.Message.OperationId));

    public Task Consume(ConsumeContext<IssueCredentials> context) =>
        context.Publish(new CredentialsIssued(context.Message.ClusterId, context.Message.ResourceId, context.Message.OperationId));
}
