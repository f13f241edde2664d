using Aro.Consumers.Clusters;
using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.VirtualMachines;

/// <summary>
/// Ensures the cluster's machines and reports its endpoints (or the failure) to the saga; a command of an operation
/// that no longer acts on the cluster creates no (further) machines and is dropped.
/// </summary>
public sealed class ProvisionVirtualMachinesConsumer(IVirtualMachineProvisioner provisioner, ILogger<ProvisionVirtualMachinesConsumer> logger) : IConsumer<ProvisionVirtualMachines>
{
    public async Task Consume(ConsumeContext<ProvisionVirtualMachines> context)
    {
        var command = context.Message;
        var outcome = await provisioner.ProvisionAsync(command.ResourceId, command.OperationId, context.CancellationToken).FailOnPermanentRefusalAsync(ProvisioningOutcome.Failed);
        await context.ReportOutcomeAsync(
            outcome.Supersession,
            outcome.Error,
            logger,
            succeeded: () => new VirtualMachinesProvisioned(
                command.ClusterId, command.ResourceId, command.OperationId, outcome.Endpoints!.ApiServerUrl, outcome.Endpoints.ApiServerIp, outcome.Endpoints.ConsoleUrl, outcome.Endpoints.IngressIp),
            failed: error => new VirtualMachinesProvisioningFailed(command.ClusterId, command.ResourceId, command.OperationId, error.Code, error.Message, error.Target));
    }
}
