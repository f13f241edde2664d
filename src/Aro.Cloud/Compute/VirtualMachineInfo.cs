namespace Aro.Cloud.Compute;

/// <param name="Id">The VM's ARM id.</param>
/// <param name="Name">Its name.</param>
/// <param name="VmSize">Its size.</param>
public sealed record VirtualMachineInfo(string Id, string Name, string? VmSize);
