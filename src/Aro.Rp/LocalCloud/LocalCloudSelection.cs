using Aro.Cloud;
using Aro.LocalCloud;
using Aro.Rp.Hosting;
using Microsoft.Extensions.Options;

namespace Aro.Rp.LocalCloud;

/// <summary>
/// Which cloud the backend talks to. In development without <c>ARO_CLOUD_ENDPOINT</c> the RP starts the local
/// cloud itself (https://localhost:8444) and points the adapters at it; a separate backend process uses the one
/// <c>aro-rp local-cloud</c> runs there instead. With the endpoint set, they use it. In production an unset
/// endpoint means Azure.
/// </summary>
internal static class LocalCloudSelection
{
    /// <summary>A stand-in subscription for the RP's own resources (its DNS zone) in the local cloud.</summary>
    public const string DevelopmentRpSubscriptionId = "00000000-0000-0000-0000-00000000a70e";

    /// <summary>The RP's DNS zone in a local cloud unless DOMAIN says otherwise; the frontend's default too.</summary>
    public const string DevelopmentDomain = "aro.localhost";

    /// <summary>The operation type whose latency makes a local create take long enough to watch its steps.</summary>
    public const string VirtualMachineWrite = "Microsoft.Compute/virtualMachines/write";

    /// <summary>How long the embedded cloud takes per VM write unless configured: a create then takes seconds, not milliseconds.</summary>
    public static readonly TimeSpan DefaultVirtualMachineWriteLatency = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The all-in-one RP in development without a cloud endpoint starts its own local cloud. A separate backend
    /// process never does (several would fight over the port): it uses <c>aro-rp local-cloud</c> instead.
    /// </summary>
    public static bool IsEmbedded(IConfiguration configuration) =>
        IsDevelopment(configuration)
        && (configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.Components)}"] ?? new RpOptions().Components) == "all"
        && string.IsNullOrWhiteSpace(configuration[$"{CloudOptions.SectionName}:{nameof(CloudOptions.ArmEndpoint)}"])
        && string.IsNullOrWhiteSpace(configuration[$"{CloudOptions.SectionName}:{nameof(CloudOptions.AzureCloud)}"]);

    public static IServiceCollection AddAroCloudSelection(this IServiceCollection services, IConfiguration configuration)
    {
        var embedded = IsEmbedded(configuration);
        services.AddOptions<LocalCloudOptions>().Bind(configuration.GetSection(LocalCloudOptions.SectionName));
        if (embedded)
        {
            services.AddOptions<LocalCloudOptions>()
                .Configure<IOptions<RpOptions>>((localCloud, rp) =>
                {
                    localCloud.DataDirectory ??= Path.Combine(rp.Value.DataDirectory, "localcloud");
                    localCloud.Latency.TryAdd(VirtualMachineWrite, DefaultVirtualMachineWriteLatency);
                });
            services.AddHostedService<EmbeddedLocalCloud>();
        }

        var allowUntrustedConfigured = configuration[$"{CloudOptions.SectionName}:{nameof(CloudOptions.AllowUntrustedCertificates)}"] is not null;
        services.AddOptions<CloudOptions>().PostConfigure<IOptions<RpOptions>, IOptions<LocalCloudOptions>>((cloud, rp, localCloud) =>
        {
            // Embedded, or a development backend whose local cloud runs beside it (aro-rp local-cloud); never when a
            // real Azure cloud is named.
            if (embedded || (rp.Value.IsDevelopment && cloud.ArmEndpoint is null && string.IsNullOrWhiteSpace(cloud.AzureCloud)))
            {
                cloud.ArmEndpoint = new Uri(localCloud.Value.Url);
            }

            // In development ARO_LOCAL_CLOUD_URL also says where the local cloud is when it is not on loopback (docker-compose).
            if (rp.Value.IsDevelopment)
            {
                cloud.LocalCloudEndpoint ??= new Uri(localCloud.Value.Url);
            }

            if (!rp.Value.IsDevelopment || !cloud.IsLocal)
            {
                return;
            }

            // A local cloud serves a self-signed certificate, each cluster's Kubernetes API under its own path,
            // and has no RP subscription: defaults that would be wrong anywhere but on a developer's machine.
            cloud.AllowUntrustedCertificates |= !allowUntrustedConfigured;
            cloud.KubernetesEndpoint ??= "{arm}/_kubernetes/{clusterResourceGroup}";
            // LOCATION and DOMAIN set Cloud:Location and Cloud:Domain; unset, the local cloud's own defaults apply.
            if (string.IsNullOrWhiteSpace(cloud.Location))
            {
                cloud.Location = localCloud.Value.DefaultLocation;
            }

            if (string.IsNullOrWhiteSpace(cloud.Domain))
            {
                cloud.Domain = DevelopmentDomain;
            }

            if (string.IsNullOrWhiteSpace(cloud.DnsZoneResourceGroupId))
            {
                cloud.DnsZoneResourceGroupId = $"/subscriptions/{DevelopmentRpSubscriptionId}/resourceGroups/aro-dns";
            }
        });
        return services;
    }

    private static bool IsDevelopment(IConfiguration configuration) =>
        (configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.Mode)}"] ?? new RpOptions().Mode) == "development";
}
