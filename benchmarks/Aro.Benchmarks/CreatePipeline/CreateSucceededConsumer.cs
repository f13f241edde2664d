using Aro.Contracts;
using MassTransit;

namespace Aro.Benchmarks.CreatePipeline;

/// <summary>The end of a create's round trip: the saga's ClusterProvisioningSucceeded, consumed like any subscriber would.</summary>
public sealed class CreateSucceededConsumer(CreateCompletions completions) : IConsumer<ClusterProvisioningSucceeded>
{
    public Task Consume(ConsumeContext<ClusterProvisioningSucceeded> context)
    {
        completions.Succeeded(context.Message.ClusterId);
        return Task.CompletedTask;
    }
}
