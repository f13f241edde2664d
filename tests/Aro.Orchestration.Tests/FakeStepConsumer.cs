using Aro.Contracts;
using MassTransit;

namespace Aro.Orchestration.Tests;

/// <summary>Stands in for every step's consumer: answers each command as <see cref="FakeCloud"/> says.</summary>
public sealed class FakeStepConsumer(FakeCloud cloud) :
    IConsumer<ValidateNetwork>,
    IConsumer<ConfigureDns>,
    IConsumer<GenerateIgnition>,
    IConsumer<ProvisionVirtualMachines>,
    IConsumer<IssueCredentials>,
    IConsumer<ScaleWorkers>,
    IConsumer<TearDownCluster>
{
    public Task Consume(ConsumeContext<ValidateNetwork> context) => Answer(
        context,
        m => new NetworkValidated(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new NetworkValidationFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<ConfigureDns> context) => Answer(
        context,
        m => new DnsConfigured(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new DnsConfigurationFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<GenerateIgnition> context) => Answer(
        context,
        m => new IgnitionGenerated(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new IgnitionGenerationFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<ProvisionVirtualMachines> context) => Answer(
        context,
        m => new VirtualMachinesProvisioned(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new VirtualMachinesProvisioningFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<IssueCredentials> context) => Answer(
        context,
        m => new CredentialsIssued(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new CredentialsIssuanceFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<ScaleWorkers> context) => Answer(
        context,
        m => new WorkersScaled(m.ClusterId, m.ResourceId, m.OperationId, m.WorkerCount),
        (m, e) => new WorkerScalingFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    public Task Consume(ConsumeContext<TearDownCluster> context) => Answer(
        context,
        m => new ClusterTornDown(m.ClusterId, m.ResourceId, m.OperationId),
        (m, e) => new ClusterTeardownFailed(m.ClusterId, m.ResourceId, m.OperationId, e.Code, e.Message, e.Target));

    private Task Answer<TCommand, TDone, TFailed>(
        ConsumeContext<TCommand> context,
        Func<TCommand, TDone> done,
        Func<TCommand, (string Code, string Message, string Target), TFailed> failed)
        where TCommand : class
        where TDone : class
        where TFailed : class
    {
        cloud.Record(context.Message, context.MessageId);
        return cloud.Next(typeof(TCommand)) switch
        {
            StepAnswer.Succeed => context.Publish(done(context.Message)),
            StepAnswer.Fail => context.Publish(failed(context.Message, FakeCloud.RejectionOf(typeof(TCommand)))),
            StepAnswer.Throw => throw new InvalidOperationException(FakeCloud.ExceptionText),
            _ => Task.CompletedTask,
        };
    }
}
