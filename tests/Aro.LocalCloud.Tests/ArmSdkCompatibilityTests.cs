using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace Aro.LocalCloud.Tests;

/// <summary>The cloud adapters' SDK calls, end to end against the emulator.</summary>
public sealed class ArmSdkCompatibilityTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>
{
    private static BinaryData VnetProperties() => BinaryData.FromString("""
        {
          "addressSpace": { "addressPrefixes": ["10.0.0.0/22"] },
          "subnets": [
            { "name": "master", "properties": { "addressPrefix": "10.0.0.0/23" } },
            { "name": "worker", "properties": { "addressPrefix": "10.0.2.0/23" } }
          ]
        }
        """);

    [Fact]
    public async Task Resource_group_vnet_and_vm_round_trip_then_group_delete_removes_everything()
    {
        var arm = fixture.CreateArmClient();
        var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(LocalCloudFixture.SubscriptionId));
        var group = (await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, "rg-sdk", new ResourceGroupData(AzureLocation.EastUS))).Value;
        Assert.Equal("rg-sdk", group.Data.Name);

        var vnetId = new ResourceIdentifier($"{group.Id}/providers/Microsoft.Network/virtualNetworks/vnet");
        var vnet = (await arm.GetGenericResources().CreateOrUpdateAsync(
            WaitUntil.Completed, vnetId, new GenericResourceData(AzureLocation.EastUS) { Properties = VnetProperties() })).Value;
        Assert.Equal("Succeeded", JsonNode.Parse(vnet.Data.Properties)!["provisioningState"]!.GetValue<string>());

        var read = (await arm.GetGenericResource(vnetId).GetAsync()).Value;
        var subnets = JsonNode.Parse(read.Data.Properties)!["subnets"]!.AsArray();
        Assert.Equal([$"{vnetId}/subnets/master", $"{vnetId}/subnets/worker"], subnets.Select(s => s!["id"]!.GetValue<string>()));

        // Subnets are child resources too; their api-version comes from the provider metadata the emulator serves.
        var worker = (await arm.GetGenericResource(new ResourceIdentifier($"{vnetId}/subnets/worker")).GetAsync()).Value;
        Assert.Equal("10.0.2.0/23", JsonNode.Parse(worker.Data.Properties)!["addressPrefix"]!.GetValue<string>());

        var vmData = new VirtualMachineData(AzureLocation.EastUS)
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = VirtualMachineSizeType.StandardD8SV3 },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = new ImageReference { Publisher = "azureopenshift", Offer = "aro4", Sku = "aro_415", Version = "415.92.20240101" },
            },
            OSProfile = new VirtualMachineOSProfile { ComputerName = "master-0", AdminUsername = "core" },
        };
        var vm = (await group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "master-0", vmData)).Value;
        Assert.Equal("Succeeded", vm.Data.ProvisioningState);
        Assert.Equal(VirtualMachineSizeType.StandardD8SV3, vm.Data.HardwareProfile.VmSize);
        Assert.NotNull(vm.Data.VmId);

        var listed = await group.GetVirtualMachines().GetAllAsync().ToListAsync();
        Assert.Equal(["master-0"], listed.Select(v => v.Data.Name));

        await group.DeleteAsync(WaitUntil.Completed);

        Assert.False((await subscription.GetResourceGroups().ExistsAsync("rg-sdk")).Value);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => arm.GetGenericResource(vnetId).GetAsync());
        Assert.Equal(404, gone.Status);
        Assert.Equal("ResourceGroupNotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task Generic_resources_pick_an_api_version_from_provider_metadata_when_none_is_pinned()
    {
        var arm = fixture.CreateArmClient(pinNetworkApiVersion: false);
        await fixture.CreateResourceGroupAsync("rg-unpinned");
        var zoneId = new ResourceIdentifier($"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-unpinned/providers/Microsoft.Network/dnszones/example.com");

        var zone = (await arm.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, zoneId, new GenericResourceData(new AzureLocation("global")))).Value;

        Assert.Equal("Microsoft.Network/dnszones", zone.Data.ResourceType.ToString());
        Assert.Equal("global", zone.Data.Location.Name);
    }

    [Fact]
    public async Task Creating_in_a_missing_group_fails_with_ResourceGroupNotFound()
    {
        var arm = fixture.CreateArmClient();
        var id = new ResourceIdentifier($"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-missing/providers/Microsoft.Network/virtualNetworks/vnet");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            arm.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, new GenericResourceData(AzureLocation.EastUS) { Properties = VnetProperties() }));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceGroupNotFound", error.ErrorCode);
    }
}
