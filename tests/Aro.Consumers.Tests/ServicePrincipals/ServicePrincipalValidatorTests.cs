using System.Text.Json.Nodes;
using Aro.Api;
using Aro.Cloud;
using Aro.Cloud.Resources;
using Aro.Consumers.Network;
using Aro.Consumers.ServicePrincipals;
using Aro.Consumers.Tests.Network;
using Aro.LocalCloud.Identity;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using Microsoft.Extensions.DependencyInjection;
using LocalServicePrincipals = Aro.LocalCloud.Identity.ServicePrincipals;

namespace Aro.Consumers.Tests.ServicePrincipals;

/// <summary>
/// The network step's service principal checks against the local cloud's Entra and permissions API: the cluster's
/// service principal is registered there with the roles each test gives it.
/// </summary>
public sealed class ServicePrincipalValidatorTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    private const string RouteTableId = $"{ValidCluster.VnetResourceGroupId}/providers/Microsoft.Network/routeTables/rt";

    [Fact]
    public async Task A_service_principal_with_Network_Contributor_on_the_vnet_passes()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId));

        var outcome = await ValidateAsync(provider);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }

    [Fact]
    public async Task A_service_principal_that_may_only_read_the_vnet_lacks_join_action_on_it()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.Reader, ValidCluster.VnetResourceGroupId));

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalPermissions, error?.Code);
        Assert.Equal(ValidCluster.VnetId, error?.Target);
        Assert.Equal(
            $"The provided service principal does not have Network Contributor role on vnet '{ValidCluster.VnetId}': it may not perform 'Microsoft.Network/virtualNetworks/join/action', 'Microsoft.Network/virtualNetworks/write', 'Microsoft.Network/virtualNetworks/subnets/join/action', 'Microsoft.Network/virtualNetworks/subnets/write'.",
            error?.Message);
    }

    [Fact]
    public async Task A_role_on_another_vnet_grants_nothing_on_this_one()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId + "-other"));

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalPermissions, error?.Code);
        Assert.Contains("'Microsoft.Network/virtualNetworks/join/action'", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_credentials_and_the_error_does_not_repeat_any_secret()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId), secret: "the-real-secret");

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalCredentials, error?.Code);
        Assert.Equal("properties.servicePrincipalProfile", error?.Target);
        Assert.Equal(
            $"The provided service principal credentials are invalid: client id '{ValidCluster.ClientId}' could not sign in to tenant '{ValidCluster.TenantId}' (invalid_client).",
            error?.Message);
        Assert.DoesNotContain(ValidCluster.ClientSecret, error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-real-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_registered_without_a_tenant_cannot_sign_the_service_principal_in()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId), tenantId: null);

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalCredentials, error?.Code);
        Assert.Equal($"The provided service principal cannot sign in: the subscription '{ValidCluster.SubscriptionId}' was registered without a tenant id.", error?.Message);
    }

    [Fact]
    public async Task A_route_table_on_a_subnet_needs_Network_Contributor_too()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId), routeTable: true);

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalPermissions, error?.Code);
        Assert.Equal(RouteTableId, error?.Target, ignoreCase: true);
        Assert.Equal(
            $"The provided service principal does not have Network Contributor role on route table '{RouteTableId}': it may not perform 'Microsoft.Network/routeTables/join/action', 'Microsoft.Network/routeTables/read', 'Microsoft.Network/routeTables/write'.",
            error?.Message);
    }

    [Fact]
    public async Task Network_Contributor_on_the_vnet_resource_group_covers_its_route_table()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetResourceGroupId), routeTable: true);

        var outcome = await ValidateAsync(provider);

        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }

    [Fact]
    public async Task A_refused_permissions_call_is_a_missing_permission()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId));
        cloud.Server.Faults.FailAlways("Microsoft.Authorization/permissions/read", statusCode: 403, code: "AuthorizationFailed", message: "Refused.");

        var error = (await ValidateAsync(provider)).Error;

        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalPermissions, error?.Code);
        Assert.Equal(ValidCluster.VnetId, error?.Target);
    }

    [Fact]
    public async Task A_failing_permissions_call_is_transient_and_throws_for_the_step_to_retry()
    {
        await using var provider = await StartAsync(new RoleAssignment(RoleDefinitions.NetworkContributor, ValidCluster.VnetId));
        var fault = cloud.Server.Faults.FailAlways("Microsoft.Authorization/permissions/read", statusCode: 503, code: "ServiceUnavailable");

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => ValidateAsync(provider));

        Assert.Equal(503, thrown.Status);
        Assert.Null(thrown.AsPermanentCloudError(target: null));
        Assert.True(fault.Hits > 0);
    }

    private static Task<Clusters.StepOutcome> ValidateAsync(IServiceProvider provider) =>
        provider.GetRequiredService<INetworkValidator>().ValidateAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None);

    /// <summary>
    /// A fresh cloud with the customer's vnet (its subnets on a route table when asked) and the cluster's service
    /// principal registered with <paramref name="role"/> and <paramref name="secret"/> (the cluster presents
    /// <see cref="ValidCluster.ClientSecret"/>), in a subscription registered in <paramref name="tenantId"/>.
    /// </summary>
    private async Task<ServiceProvider> StartAsync(RoleAssignment role, string secret = ValidCluster.ClientSecret, string? tenantId = ValidCluster.TenantId, bool routeTable = false)
    {
        var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()), services => services.AddSingleton<ISubscriptionTenants>(new FixedSubscriptionTenant(tenantId)));
        cloud.Server.Services.GetRequiredService<LocalServicePrincipals>().Register(ValidCluster.ClientId, secret, [role]);
        if (routeTable)
        {
            await CreateVirtualNetworkOnRouteTableAsync(provider);
        }
        else
        {
            await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        }

        return provider;
    }

    private static async Task CreateVirtualNetworkOnRouteTableAsync(IServiceProvider provider)
    {
        await provider.GetRequiredService<IResourceGroups>().EnsureAsync(ValidCluster.VnetResourceGroupId, ValidCluster.Location, tags: null, CancellationToken.None);
        var arm = provider.GetRequiredService<ArmClient>();
        await PutAsync(arm, RouteTableId, new JsonObject { ["routes"] = new JsonArray() });
        JsonObject Subnet(string name, string prefix) => new()
        {
            ["name"] = name,
            ["properties"] = new JsonObject { ["addressPrefix"] = prefix, ["routeTable"] = new JsonObject { ["id"] = RouteTableId } },
        };
        await PutAsync(arm, ValidCluster.VnetId, new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray("10.0.0.0/16") },
            ["subnets"] = new JsonArray(Subnet("master", ValidCluster.MasterCidr), Subnet("worker", ValidCluster.WorkerCidr)),
        });
    }

    private static Task PutAsync(ArmClient arm, string id, JsonObject properties) =>
        arm.GetGenericResources().CreateOrUpdateAsync(
            WaitUntil.Completed,
            new ResourceIdentifier(id),
            new GenericResourceData(new AzureLocation(ValidCluster.Location)) { Properties = BinaryData.FromString(properties.ToJsonString()) });
}
