using Aro.Api;
using Aro.Contracts;
using MassTransit;

namespace Aro.Consumers.Projection;

/// <summary>Applies the backend's outcome events to the cluster and async-operation documents.</summary>
public sealed class ClusterProjectionConsumer(ClusterProjection projection) :
    IConsumer<ClusterProvisioningSucceeded>,
    IConsumer<ClusterProvisioningFailed>,
    IConsumer<ClusterUpdateSucceeded>,
    IConsumer<ClusterUpdateFailed>,
    IConsumer<ClusterDeleted>,
    IConsumer<ClusterDeletionFailed>
{
    public Task Consume(ConsumeContext<ClusterProvisioningSucceeded> context) =>
        projection.SucceededAsync(context.Message.ResourceId, context.Message.OperationId, context.CancellationToken);

    public Task Consume(ConsumeContext<ClusterProvisioningFailed> context) =>
        projection.FailedAsync(context.Message.ResourceId, context.Message.OperationId, Error(context.Message.Code, context.Message.Message, context.Message.Target), context.CancellationToken);

    public Task Consume(ConsumeContext<ClusterUpdateSucceeded> context) =>
        projection.SucceededAsync(context.Message.ResourceId, context.Message.OperationId, context.CancellationToken);

    public Task Consume(ConsumeContext<ClusterUpdateFailed> context) =>
        projection.FailedAsync(context.Message.ResourceId, context.Message.OperationId, Error(context.Message.Code, context.Message.Message, context.Message.Target), context.CancellationToken);

    public Task Consume(ConsumeContext<ClusterDeleted> context) =>
        projection.DeletedAsync(context.Message.ResourceId, context.Message.OperationId, context.CancellationToken);

    public Task Consume(ConsumeContext<ClusterDeletionFailed> context) =>
        projection.FailedAsync(context.Message.ResourceId, context.Message.OperationId, Error(context.Message.Code, context.Message.Message, context.Message.Target), context.CancellationToken);

    private static CloudErrorBody Error(string code, string message, string? target) => new(code, message, target);
}
