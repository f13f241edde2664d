using Aro.Cloud.Network;
using Aro.Cloud.Resources;

namespace Aro.Cloud.Tests.Network;

public sealed class NetworkAdaptersTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string NetworkApiVersion = ArmApiVersions.Network;

    [Fact]
    public async Task Reads_subnets_with_their_prefix_and_security_group()
    {
        var nsg = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/vnet-rg/providers/Microsoft.Network/networkSecurityGroups/nsg";
        var vnet = await cloud.CreateVirtualNetworkAsync("vnet-rg", "vnet", "10.0.0.0/16", ("master", "10.0.0.0/23", null), ("worker", "10.0.2.0/23", nsg));
        var networks = cloud.Get<IVirtualNetworks>();

        var master = await networks.GetSubnetAsync(vnet + "/subnets/master", CancellationToken.None);
        var worker = await networks.GetSubnetAsync(vnet + "/subnets/worker", CancellationToken.None);

        Assert.Equal(["10.0.0.0/23"], master!.AddressPrefixes);
        Assert.Null(master.NetworkSecurityGroupId);
        Assert.Equal(nsg, worker!.NetworkSecurityGroupId, ignoreCase: true);
        Assert.Null(await networks.GetSubnetAsync(vnet + "/subnets/missing", CancellationToken.None));
        Assert.Null(await networks.GetSubnetAsync($"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/nowhere/providers/Microsoft.Network/virtualNetworks/v/subnets/s", CancellationToken.None));
    }

    [Fact]
    public async Task Public_ips_load_balancers_and_nics_are_ensured_once()
    {
        var vnet = await cloud.CreateVirtualNetworkAsync("net-rg", "vnet", "10.1.0.0/16", ("master", "10.1.0.0/24", null));
        var group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/cluster-net";
        await cloud.Get<IResourceGroups>().EnsureAsync(group, "eastus", tags: null, CancellationToken.None);
        var ips = cloud.Get<IPublicIpAddresses>();
        var loadBalancers = cloud.Get<ILoadBalancers>();
        var nics = cloud.Get<INetworkInterfaces>();

        var first = await ips.EnsureAsync(group, "c-pip-v4", "eastus", CancellationToken.None);
        var again = await ips.EnsureAsync(group, "c-pip-v4", "eastus", CancellationToken.None);
        var lb = await loadBalancers.EnsureAsync(group, "c-public-lb", "eastus", first.Id, CancellationToken.None);
        await loadBalancers.EnsureAsync(group, "c-public-lb", "eastus", first.Id, CancellationToken.None);
        var nic = await nics.EnsureAsync(group, "c-master0-nic", "eastus", vnet + "/subnets/master", lb.BackendAddressPoolId, CancellationToken.None);
        await nics.EnsureAsync(group, "c-master0-nic", "eastus", vnet + "/subnets/master", lb.BackendAddressPoolId, CancellationToken.None);

        Assert.NotNull(first.IpAddress);
        Assert.Equal(first, again);
        Assert.EndsWith("/backendAddressPools/api-backend", lb.BackendAddressPoolId, StringComparison.Ordinal);
        Assert.Single(await cloud.ListAsync(group, "Microsoft.Network/publicIPAddresses", NetworkApiVersion));
        Assert.Single(await cloud.ListAsync(group, "Microsoft.Network/loadBalancers", NetworkApiVersion));
        Assert.Equal([nic], await cloud.ListAsync(group, "Microsoft.Network/networkInterfaces", NetworkApiVersion), StringComparer.OrdinalIgnoreCase);

        await nics.DeleteAsync(group, "c-master0-nic", CancellationToken.None);
        await nics.DeleteAsync(group, "c-master0-nic", CancellationToken.None);
        Assert.Empty(await cloud.ListAsync(group, "Microsoft.Network/networkInterfaces", NetworkApiVersion));
    }
}
