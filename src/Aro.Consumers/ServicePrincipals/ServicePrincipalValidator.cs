using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Cloud;
using Aro.Cloud.Authorization;
using Aro.Cloud.Identity;
using Azure;
using Azure.Core;
using Azure.Identity;

namespace Aro.Consumers.ServicePrincipals;

/// <summary>
/// The reference RP's dynamic checks of the cluster service principal: it signs in (with the client secret, in the
/// subscription's tenant), and ARM's permissions API says it may join, read and write the virtual network and its
/// subnets and every route table attached to the cluster's subnets, which the cluster needs at run time (Network
/// Contributor grants all of it).
/// </summary>
public sealed class ServicePrincipalValidator(ISubscriptionTenants tenants, ServicePrincipalCredentials credentials, IPermissions permissions) : IServicePrincipalValidator
{
    private const string ProfileTarget = "properties.servicePrincipalProfile";

    private static readonly string[] VirtualNetworkActions =
    [
        "Microsoft.Network/virtualNetworks/join/action",
        "Microsoft.Network/virtualNetworks/read",
        "Microsoft.Network/virtualNetworks/write",
        "Microsoft.Network/virtualNetworks/subnets/join/action",
        "Microsoft.Network/virtualNetworks/subnets/read",
        "Microsoft.Network/virtualNetworks/subnets/write",
    ];

    private static readonly string[] RouteTableActions =
    [
        "Microsoft.Network/routeTables/join/action",
        "Microsoft.Network/routeTables/read",
        "Microsoft.Network/routeTables/write",
    ];

    public async Task<CloudErrorBody?> ValidateAsync(OpenShiftCluster cluster, string vnetId, IReadOnlyCollection<string> routeTableIds, CancellationToken cancellationToken)
    {
        var (credential, error) = await SignInAsync(cluster, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        error = await CheckAsync(credential!, vnetId, "vnet", VirtualNetworkActions, CloudErrorCodes.InvalidLinkedVNet, cancellationToken);
        foreach (var routeTableId in routeTableIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            error ??= await CheckAsync(credential!, routeTableId, "route table", RouteTableActions, CloudErrorCodes.InvalidLinkedRouteTable, cancellationToken);
        }

        return error;
    }

    private async Task<(TokenCredential? Credential, CloudErrorBody? Error)> SignInAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        var profile = cluster.Properties.ServicePrincipalProfile;
        if (string.IsNullOrEmpty(profile.ClientId) || string.IsNullOrEmpty(profile.ClientSecret))
        {
            return (null, InvalidCredentials("The provided service principal credentials are invalid: the client id and client secret are required."));
        }

        var subscriptionId = ResourceId.Parse(cluster.Id).SubscriptionId;
        if (await tenants.TenantIdAsync(subscriptionId, cancellationToken) is not { Length: > 0 } tenantId)
        {
            return (null, InvalidCredentials($"The provided service principal cannot sign in: the subscription '{subscriptionId}' was registered without a tenant id."));
        }

        var credential = credentials.Create(tenantId, profile.ClientId, profile.ClientSecret);
        try
        {
            // The token is cached by the credential, so the permission checks below reuse it.
            await credential.GetTokenAsync(new TokenRequestContext([credentials.ArmScope]), cancellationToken);
            return (credential, null);
        }
        catch (AuthenticationFailedException e) when (ServicePrincipalCredentials.RefusalOf(e) is { } refusal)
        {
            return (null, InvalidCredentials($"The provided service principal credentials are invalid: client id '{profile.ClientId}' could not sign in to tenant '{tenantId}' ({refusal})."));
        }
    }

    private async Task<CloudErrorBody?> CheckAsync(TokenCredential credential, string resourceId, string kind, string[] actions, string notFoundCode, CancellationToken cancellationToken)
    {
        IReadOnlyList<Permission> granted;
        try
        {
            granted = await permissions.ListForResourceAsync(credential, resourceId, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return new CloudErrorBody(notFoundCode, $"The {kind} '{resourceId}' could not be found.", resourceId);
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            // ARM refused to tell the service principal its own permissions there: it holds none that count.
            return MissingPermissions(kind, resourceId, actions);
        }

        var missing = actions.Where(action => !Permission.AnyAllows(granted, action)).ToArray();
        return missing.Length == 0 ? null : MissingPermissions(kind, resourceId, missing);
    }

    private static CloudErrorBody MissingPermissions(string kind, string resourceId, IEnumerable<string> actions) => new(
        CloudErrorCodes.InvalidServicePrincipalPermissions,
        $"The provided service principal does not have Network Contributor role on {kind} '{resourceId}': it may not perform {string.Join(", ", actions.Select(a => $"'{a}'"))}.",
        resourceId);

    private static CloudErrorBody InvalidCredentials(string message) => new(CloudErrorCodes.InvalidServicePrincipalCredentials, message, ProfileTarget);
}
