namespace Aro.Cloud.Compute;

/// <summary>A cluster machine to ensure.</summary>
/// <param name="ResourceGroupId">The cluster resource group.</param>
/// <param name="Name">The VM's deterministic name, e.g. <c>{infraId}-master-0</c>.</param>
/// <param name="Location">Its region.</param>
/// <param name="VmSize">Its size, e.g. <c>Standard_D8s_v3</c>.</param>
/// <param name="NetworkInterfaceId">Its (only, primary) NIC.</param>
/// <param name="CustomData">What the machine boots with (an Ignition pointer config), or null.</param>
public sealed record VirtualMachineSpec(string ResourceGroupId, string Name, string Location, string VmSize, string NetworkInterfaceId, string? CustomData = null);
