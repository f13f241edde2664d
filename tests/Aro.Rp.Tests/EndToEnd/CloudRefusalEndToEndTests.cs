namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// Each step of each operation meets a refusal by the cloud once (a missing role assignment, a storage permission, a
/// cluster's Kubernetes API saying Forbidden). A retry would get past a fault armed for one request, so an operation
/// that ends Failed with the cloud's own code shows the refusal was classified permanent at once, not retried for
/// minutes and reported as an internal error.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CloudRefusalEndToEndTests
{
    [Theory]
    // The network validator reports an unreadable subnet as the customer's to fix, naming the subnet, with the cloud's words.
    [InlineData("Microsoft.Network/virtualNetworks/subnets/read", "InvalidLinkedVNet")]
    [InlineData("Microsoft.Network/dnszones/A/write", "AuthorizationFailed")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write", "AuthorizationPermissionMismatch")]
    [InlineData("Microsoft.Compute/virtualMachines/write", "AuthorizationFailed")]
    [InlineData("machine.openshift.io/machinesets/write", "Forbidden")]
    public async Task A_refusal_during_create_fails_it_at_once_with_the_clouds_code(string operationType, string code)
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        await walkthrough.FailInLocalCloudAsync(operationType, 403, code, $"The RP may not do {operationType}.", count: 1);

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Failed", create["status"]!.GetValue<string>());
        Assert.Equal(code, create["error"]!["code"]!.GetValue<string>());
        Assert.Contains($"The RP may not do {operationType}.", create["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_during_scale_fails_it_with_the_clusters_Kubernetes_reason()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = await SucceededClusterAsync(rp);
        await walkthrough.FailInLocalCloudAsync("machine.openshift.io/machinesets/write", 403, "Forbidden", "machinesets.machine.openshift.io is forbidden.", count: 1);

        var scale = await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(5));

        Assert.Equal("Failed", scale["status"]!.GetValue<string>());
        Assert.Equal("Forbidden", scale["error"]!["code"]!.GetValue<string>());
        Assert.Contains("machinesets.machine.openshift.io is forbidden.", scale["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_during_delete_fails_it_with_ARMs_code()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state);
        var walkthrough = await SucceededClusterAsync(rp);
        await walkthrough.FailInLocalCloudAsync("Microsoft.Resources/resourceGroups/delete", 403, "AuthorizationFailed", "The RP may not delete the cluster's resource group.", count: 1);

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());

        Assert.Equal("Failed", delete["status"]!.GetValue<string>());
        Assert.Equal("AuthorizationFailed", delete["error"]!["code"]!.GetValue<string>());
    }

    private static async Task<Walkthrough> SucceededClusterAsync(AllInOneRp rp)
    {
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());
        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        return walkthrough;
    }
}
