using Aro.Cloud.Authorization;
using Aro.Cloud.Identity;
using Aro.LocalCloud.Identity;
using Azure;
using Microsoft.Extensions.DependencyInjection;

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
}
