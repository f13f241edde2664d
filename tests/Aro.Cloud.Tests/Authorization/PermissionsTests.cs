using Aro.Cloud.Authorization;
using Aro.Cloud.Identity;
using Aro.LocalCloud.Identity;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Tests.Authorization;

/// <summary>The permissions adapter against the local cloud's ARM, as the RP and as a customer's service principal.</summary>
public sealed class PermissionsTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string Tenant = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    [Fact]
    public async Task A_service_principal_gets_the_permissions_of_its_roles_at_the_scope()
    {
        var vnet = await cloud.CreateVirtualNetworkAsync("permissions-rg", "vnet", "10.0.0.0/16", ("master", "10.0.0.0/23", null));
        cloud.Server.Services.GetRequiredService<ServicePrincipals>().Register("sp-permissions", "s3cret", [new RoleAssignment(RoleDefinitions.NetworkContributor, vnet)]);
        var credential = cloud.Get<ServicePrincipalCredentials>().Create(Tenant, "sp-permissions", "s3cret");

        var permissions = await cloud.Get<IPermissions>().ListForResourceAsync(credential, vnet, CancellationToken.None);

        Assert.True(Permission.AnyAllows(permissions, "Microsoft.Network/virtualNetworks/join/action"));
        Assert.False(Permission.AnyAllows(permissions, "Microsoft.Compute/virtualMachines/write"));
    }

    [Fact]
    public async Task A_missing_resource_throws_not_found()
    {
        var missing = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/permissions-nowhere/providers/Microsoft.Network/virtualNetworks/none";

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() =>
            cloud.Get<IPermissions>().ListForResourceAsync(new FakeTokenCredential(), missing, CancellationToken.None));

        Assert.Equal(404, thrown.Status);
    }

    [Fact]
    public async Task A_next_page_on_arm_is_followed()
    {
        await using var arm = await PagedPermissionsArm.StartAsync(endpoint => new Uri(endpoint, PagedPermissionsArm.SecondPagePath).ToString());

        var permissions = await ListOnAsync(arm.Endpoint);

        Assert.True(Permission.AnyAllows(permissions, "Microsoft.Network/virtualNetworks/read"));
        Assert.True(Permission.AnyAllows(permissions, "Microsoft.Network/virtualNetworks/join/action"));
    }

    [Theory]
    [InlineData("https://localhost:{port}")]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("https://127.0.0.1:1")]
    [InlineData("https://attacker.example")]
    [InlineData("/relative")]
    public async Task A_next_page_anywhere_but_arm_is_a_permanent_failure_and_gets_no_token(string origin)
    {
        await using var arm = await PagedPermissionsArm.StartAsync(endpoint =>
            origin.Replace("{port}", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + PagedPermissionsArm.SecondPagePath);

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => ListOnAsync(arm.Endpoint));

        Assert.True(thrown.IsPermanent());
        Assert.Equal("InvalidNextLink", thrown.ErrorCode);
        Assert.DoesNotContain(PagedPermissionsArm.SecondPagePath, arm.RequestedPaths);
    }

    /// <summary>The permissions a service principal has on a resource group, asked of the ARM at <paramref name="armEndpoint"/>.</summary>
    private static async Task<IReadOnlyList<Permission>> ListOnAsync(Uri armEndpoint)
    {
        var options = Options.Create(new CloudOptions { ArmEndpoint = armEndpoint, AllowUntrustedCertificates = true });
        using var transport = new CloudHttpTransport(options);
        var permissions = new Permissions(new ArmClientFactory(options, new FakeTokenCredential(), transport), transport);
        return await permissions.ListForResourceAsync(new FakeTokenCredential(), "/subscriptions/s/resourceGroups/rg", CancellationToken.None);
    }
}
