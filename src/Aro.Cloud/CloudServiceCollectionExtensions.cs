using Aro.Cloud.Authorization;
using Aro.Cloud.Compute;
using Aro.Cloud.Dns;
using Aro.Cloud.Identity;
using Aro.Cloud.Kubernetes;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Cloud.Storage;
using Azure.Core;
using Azure.ResourceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aro.Cloud;

public static class CloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CloudOptions"/> (section <c>Cloud</c>, validated on start), the shared
    /// <see cref="ArmClient"/> and every cloud adapter. The token credential is chosen by
    /// <see cref="AzureIdentityOptions"/> (<see cref="AddAroAzureCredential"/>); a host that needs another registers its
    /// own <see cref="TokenCredential"/> before calling this.
    /// </summary>
    public static IServiceCollection AddAroCloud(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CloudOptions>()
            .Bind(configuration.GetSection(CloudOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Domain), "Cloud:Domain is required (the RP's DNS zone, e.g. aro.localhost).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Location), "Cloud:Location is required.")
            .Validate(o => Aro.Api.Resources.ResourceId.TryParse(o.DnsZoneResourceGroupId, out var id) && id.ResourceGroup is not null && id.ProviderNamespace is null,
                "Cloud:DnsZoneResourceGroupId must be a resource group id (/subscriptions/{sub}/resourceGroups/{name}).")
            .Validate(o => o.KubernetesEndpoint is null || o.ArmEndpoint is not null || !o.KubernetesEndpoint.Contains("{arm}", StringComparison.Ordinal),
                "Cloud:KubernetesEndpoint uses {arm} but Cloud:ArmEndpoint is not set.")
            .Validate(o => AzureClouds.IsKnown(o.AzureCloud), $"Cloud:AzureCloud (ARO_AZURE_CLOUD) must be one of {string.Join(", ", AzureClouds.Names)}.")
            .Validate(o => !o.AllowUntrustedCertificates || o.IsLocal,
                "Cloud:AllowUntrustedCertificates is for the local cloud only; the cloud endpoint is a real Azure cloud (or not recognised as the local cloud: set ARO_LOCAL_CLOUD_URL to it).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddAroAzureCredential(configuration);
        services.TryAddSingleton<ArmClientFactory>();
        services.TryAddSingleton(provider => provider.GetRequiredService<ArmClientFactory>().Create());
        services.TryAddSingleton<ArmGenericResources>();
        services.TryAddSingleton<ServicePrincipalCredentials>();
        services.TryAddSingleton<IPermissions, Permissions>();

        services.TryAddSingleton<IResourceGroups, ResourceGroups>();
        services.TryAddSingleton<IVirtualNetworks, VirtualNetworks>();
        services.TryAddSingleton<IPublicIpAddresses, PublicIpAddresses>();
        services.TryAddSingleton<ILoadBalancers, LoadBalancers>();
        services.TryAddSingleton<INetworkInterfaces, NetworkInterfaces>();
        services.TryAddSingleton<IDnsZones, DnsZones>();
        services.TryAddSingleton<IVirtualMachines, VirtualMachines>();
        services.TryAddSingleton<IBlobStorage, BlobStorage>();
        services.TryAddSingleton<KubernetesClientFactory>();
        services.TryAddSingleton<IMachineSets, MachineSets>();
        services.TryAddSingleton<IUserDataSecrets, UserDataSecrets>();
        return services;
    }

    /// <summary>
    /// Registers the <see cref="TokenCredential"/> every Azure client of the process shares (section <c>AzureIdentity</c>)
    /// and the HTTP transport it and they use. Safe to call more than once (the frontend calls it for Key Vault alone).
    /// </summary>
    public static IServiceCollection AddAroAzureCredential(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureIdentityOptions>().Bind(configuration.GetSection(AzureIdentityOptions.SectionName));
        services.TryAddSingleton<CloudHttpTransport>();
        services.TryAddSingleton<TokenCredential>(provider => AzureCredentialFactory.Create(
            provider.GetRequiredService<IOptions<AzureIdentityOptions>>().Value,
            provider.GetRequiredService<IOptions<CloudOptions>>().Value,
            provider.GetRequiredService<CloudHttpTransport>()));
        return services;
    }
}
