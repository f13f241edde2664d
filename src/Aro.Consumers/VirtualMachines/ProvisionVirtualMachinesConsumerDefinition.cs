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
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5)));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
