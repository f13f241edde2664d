namespace Aro.Cloud.Compute;

/// <summary>A cluster's virtual machines (Azure.ResourceManager.Compute).</summary>
public interface IVirtualMachines
{
    /// <summary>Returns the VM named in <paramref name="spec"/>, creating it first if needed.</summary>
    Task<VirtualMachineInfo> EnsureAsync(VirtualMachineSpec spec, CancellationToken cancellationToken);

    /// <summary>The VMs in the group; none when the group does not exist.</summary>
    Task<IReadOnlyList<VirtualMachineInfo>> ListAsync(string resourceGroupId, CancellationToken cancellationToken);

    /// <summary>Deletes the VM; succeeds when it is already gone.</summary>
    Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken);
}
