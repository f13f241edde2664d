using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// Ensures the cluster's machines, records its endpoints, and reports the outcome to the saga; a command of an operation
/// that no longer acts on the cluster creates no (further) machines and is dropped.
/// </summary>
public sealed class ProvisionVirtualMachinesConsumer(IVirtualMachineProvisioner provisioner, ILogger<ProvisionVirtualMachinesConsumer> logger) : IConsumer<ProvisionVirtualMachines>
{
    public async Task Consume(ConsumeContext<ProvisionVirtualMachines> context)
    {
        var command = context.Message;
        var outcome = await provisioner.ProvisionAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(StepOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome,
            logger,
            succeeded: () => new VirtualMachinesProvisioned(command.ClusterId, command.ResourceId, command.OperationId),
            failed: error => new VirtualMachinesProvisioningFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
