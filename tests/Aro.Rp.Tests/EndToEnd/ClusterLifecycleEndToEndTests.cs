using System.Net;
using System.Text.RegularExpressions;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The whole RP in process, driven over HTTP exactly as the README walkthrough drives it: the saga, every
/// consumer, the SQLite store and the local cloud are real.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class ClusterLifecycleEndToEndTests
{
    private static readonly string[] Masters = ["master-0", "master-1", "master-2"];

    [Fact]
    public async Task The_README_walkthrough_creates_scales_and_deletes_a_cluster()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        Assert.Equal(100, create["percentComplete"]!.GetValue<int>());
        var cluster = await walkthrough.GetClusterAsync();
        Assert.Equal("Succeeded", cluster["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal("https://api.mycluster.aro.localhost:6443/", cluster["properties"]!["apiserverProfile"]!["url"]!.GetValue<string>());
        Assert.StartsWith("https://console-openshift-console.apps.mycluster.aro.localhost", cluster["properties"]!["consoleProfile"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(cluster["properties"]!["servicePrincipalProfile"]!["clientSecret"]);
        Assert.Equal(ExpectedVirtualMachines(walkthrough, workers: 3), await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines"));

        var credentials = await walkthrough.ListCredentialsAsync();
        Assert.Equal(HttpStatusCode.OK, credentials.StatusCode);
        var kubeadmin = await Walkthrough.ReadJsonAsync(credentials);
        Assert.Equal("kubeadmin", kubeadmin["kubeadminUsername"]!.GetValue<string>());
        Assert.Matches(KubeadminPassword(), kubeadmin["kubeadminPassword"]!.GetValue<string>());

        var scale = await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(workers: 5));

        Assert.Equal("Succeeded", scale["status"]!.GetValue<string>());
        Assert.Equal(5, (await walkthrough.GetClusterAsync())["properties"]!["workerProfiles"]![0]!["count"]!.GetValue<int>());
        Assert.Equal(ExpectedVirtualMachines(walkthrough, workers: 5), await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines"));

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());

        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await rp.CreateClient().GetAsync($"{walkthrough.ClusterUrl}?{Walkthrough.Api}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_create_still_ends_Succeeded_without_duplicates()
    {
        using var state = new RpState();
        // Slow virtual machines keep the create in its longest step long enough to stop the RP inside it.
        var slowMachines = new Dictionary<string, string> { ["LocalCloud:Latency:Microsoft.Compute/virtualMachines/write"] = "00:00:00.500" };
        Walkthrough walkthrough;
        string operation;
        await using (var first = new AllInOneRp(state, slowMachines))
        {
            walkthrough = new Walkthrough(first.CreateClient(), first.LocalCloud);
            await walkthrough.CreateVirtualNetworkAsync();
            await walkthrough.RegisterSubscriptionAsync();
            operation = await walkthrough.CreateClusterAsync();
            var provisioning = await walkthrough.WaitForOperationAsync(operation, status => status["properties"]?["step"]?.GetValue<string>() == "ProvisioningVirtualMachines");
            Assert.Equal("Creating", provisioning["status"]!.GetValue<string>());
            Assert.Equal(50, provisioning["percentComplete"]!.GetValue<int>());
        }

        await using var second = new AllInOneRp(state, slowMachines);
        var resumed = new Walkthrough(second.CreateClient(), second.LocalCloud) { SubscriptionId = walkthrough.SubscriptionId };

        var create = await resumed.WaitForOperationAsync(operation);

        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", (await resumed.GetClusterAsync())["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(ExpectedVirtualMachines(resumed, workers: 3), await resumed.ClusterResourcesAsync("Microsoft.Compute/virtualMachines"));
        Assert.Equal(2, (await resumed.ClusterResourcesAsync("Microsoft.Network/publicIPAddresses")).Count);
        Assert.Single(await resumed.ClusterResourcesAsync("Microsoft.Network/loadBalancers"));
        Assert.Equal(Masters.Length, (await resumed.ClusterResourcesAsync("Microsoft.Network/networkInterfaces")).Count(nic => nic.Contains("-master", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failing_DNS_step_fails_the_create_with_the_DNS_error_and_the_cluster_can_still_be_deleted()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        await walkthrough.FailInLocalCloudAsync("Microsoft.Network/dnszones/A/write", 403, "AuthorizationFailed", "The RP may not write records in the zone.");

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Failed", create["status"]!.GetValue<string>());
        Assert.Equal("AuthorizationFailed", create["error"]!["code"]!.GetValue<string>());
        Assert.Contains("DNS records of 'mycluster.aro.localhost'", create["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var cluster = await walkthrough.GetClusterAsync();
        Assert.Equal("Failed", cluster["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await walkthrough.ListCredentialsAsync()).StatusCode);

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());

        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());
    }

    private static string[] ExpectedVirtualMachines(Walkthrough walkthrough, int workers)
    {
        var infraId = InfraIdOf(walkthrough);
        return [.. Masters.Select(master => $"{infraId}-{master}"), .. Enumerable.Range(0, workers).Select(i => $"{infraId}-worker-{Walkthrough.Location}-{i}")];
    }

    private static string InfraIdOf(Walkthrough walkthrough) =>
        Aro.Api.Resources.InfraId.For($"/subscriptions/{walkthrough.SubscriptionId}/resourceGroups/{walkthrough.Cluster}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{walkthrough.Cluster}");

    [GeneratedRegex("^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$")]
    private static partial Regex KubeadminPassword();
}
