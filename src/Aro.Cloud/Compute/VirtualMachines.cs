using System.Text;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;

namespace Aro.Cloud.Compute;

public sealed class VirtualMachines(ArmClient client) : IVirtualMachines
{
    public async Task<VirtualMachineInfo> EnsureAsync(VirtualMachineSpec spec, CancellationToken cancellationToken)
    {
        var id = VirtualMachineResource.CreateResourceIdentifier(Group(spec.ResourceGroupId).SubscriptionId, Group(spec.ResourceGroupId).ResourceGroupName, spec.Name);
        try
        {
            var existing = await client.GetVirtualMachineResource(id).GetAsync(cancellationToken: cancellationToken);
            return Info(existing.Value.Data);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Not there yet: create it below.
        }

        var data = new VirtualMachineData(new AzureLocation(spec.Location))
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(spec.VmSize) },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = new ImageReference { Publisher = "azureopenshift", Offer = "aro4", Sku = "aro_4x", Version = "latest" },
                OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage)
                {
                    Name = spec.Name + "_OSDisk",
                    DiskSizeGB = 1024,
                    Caching = CachingType.ReadOnly,
                    ManagedDisk = new VirtualMachineManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs },
                    DeleteOption = DiskDeleteOptionType.Delete,
                },
            },
            OSProfile = new VirtualMachineOSProfile
            {
                ComputerName = spec.Name,
                AdminUsername = "core",
                CustomData = spec.CustomData is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(spec.CustomData)),
                LinuxConfiguration = new LinuxConfiguration { DisablePasswordAuthentication = true },
            },
            NetworkProfile = new VirtualMachineNetworkProfile(),
        };
        data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference
        {
            Id = new ResourceIdentifier(spec.NetworkInterfaceId),
            Primary = true,
        });

        var operation = await client.GetResourceGroupResource(Group(spec.ResourceGroupId)).GetVirtualMachines()
            .CreateOrUpdateAsync(WaitUntil.Completed, spec.Name, data, cancellationToken);
        return Info(operation.Value.Data);
    }

    public async Task<IReadOnlyList<VirtualMachineInfo>> ListAsync(string resourceGroupId, CancellationToken cancellationToken)
    {
        var machines = new List<VirtualMachineInfo>();
        try
        {
            await foreach (var machine in client.GetResourceGroupResource(Group(resourceGroupId)).GetVirtualMachines().GetAllAsync(cancellationToken: cancellationToken))
            {
                machines.Add(Info(machine.Data));
            }
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return [];
        }

        return machines;
    }

    public async Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken)
    {
        var group = Group(resourceGroupId);
        try
        {
            await client.GetVirtualMachineResource(VirtualMachineResource.CreateResourceIdentifier(group.SubscriptionId, group.ResourceGroupName, name))
                .DeleteAsync(WaitUntil.Completed, forceDeletion: null, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Already gone.
        }
    }

    private static ResourceIdentifier Group(string resourceGroupId) => new(resourceGroupId);

    private static VirtualMachineInfo Info(VirtualMachineData data) =>
        new(data.Id.ToString(), data.Name, data.HardwareProfile?.VmSize?.ToString());
}
