using MassTransit;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// Permanent failures are answered with VirtualMachinesProvisioningFailed; what throws (the cloud, the workers
/// not ready in time) is retried with growing pauses, each attempt resuming from what exists.
/// </summary>
public sealed class ProvisionVirtualMachinesConsumerDefinition : ConsumerDefinition<ProvisionVirtualMachinesConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ProvisionVirtualMachinesConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(RetryPolicies.LongCloudStep);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
