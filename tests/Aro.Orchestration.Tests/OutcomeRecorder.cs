using Aro.Contracts;
using MassTransit;

namespace Aro.Orchestration.Tests;

/// <summary>Stands in for the projection: journals the saga's terminal events in <see cref="FakeCloud"/>.</summary>
public sealed class OutcomeRecorder(FakeCloud cloud) :
    IConsumer<ClusterProvisioningSucceeded>,
    IConsumer<ClusterProvisioningFailed>,
    IConsumer<ClusterUpdateSucceeded>,
    IConsumer<ClusterUpdateFailed>,
    IConsumer<ClusterDeleted>,
    IConsumer<ClusterDeletionFailed>
{
    public Task Consume(ConsumeContext<ClusterProvisioningSucceeded> context) => Record(context);

    public Task Consume(ConsumeContext<ClusterProvisioningFailed> context) => Record(context);

    public Task Consume(ConsumeContext<ClusterUpdateSucceeded> context) => Record(context);

    public Task Consume(ConsumeContext<ClusterUpdateFailed> context) => Record(context);

    public Task Consume(ConsumeContext<ClusterDeleted> context) => Record(context);

    public Task Consume(ConsumeContext<ClusterDeletionFailed> context) => Record(context);

    private Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        cloud.Record(context.Message, context.MessageId);
        return Task.CompletedTask;
    }
}
