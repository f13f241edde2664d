using Aro.Cloud.Compute;
using Aro.Cloud.Dns;
using Aro.Cloud.Kubernetes;
using Aro.Cloud.Network;
using Aro.Cloud.Resources;
using Aro.Cloud.Storage;
using Azure.Core;
using Azure.Identity;
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
    /// <see cref="ArmClient"/> and every cloud adapter. The token credential is a static one for the local
    /// emulator and <see cref="DefaultAzureCredential"/> for Azure; a host that needs another (a workload
    /// identity, a certificate) registers its own <see cref="TokenCredential"/> before calling this.
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
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(provider =>
            provider.GetRequiredService<IOptions<CloudOptions>>().Value.IsLocal
                ? new LocalEmulatorCredential()
                : new DefaultAzureCredential());
        services.TryAddSingleton<CloudHttpTransport>();
        services.TryAddSingleton<ArmClientFactory>();
        services.TryAddSingleton(provider => provider.GetRequiredService<ArmClientFactory>().Create());
        services.TryAddSingleton<ArmGenericResources>();

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
        return services;
    }
}
