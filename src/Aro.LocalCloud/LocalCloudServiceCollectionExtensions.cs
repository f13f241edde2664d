using Aro.LocalCloud.Arm;
using Aro.LocalCloud.Authentication;
using Aro.LocalCloud.Blobs;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Identity;
using Aro.LocalCloud.Kubernetes;
using Aro.LocalCloud.ServiceBus;
using Aro.LocalCloud.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.LocalCloud;

public static class LocalCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local cloud emulator. Options come from the "LocalCloud" section when bound by the
    /// host, then <paramref name="configure"/>; the emulator reads them once, at first use.
    /// </summary>
    public static IServiceCollection AddAroLocalCloud(this IServiceCollection services, Action<LocalCloudOptions>? configure = null)
    {
        var builder = services.AddOptions<LocalCloudOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps,
            "LocalCloud:Url must be an absolute https URL.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LocalCloudOptions>>().Value);
        services.AddSingleton(sp => new LocalCloudStore(sp.GetRequiredService<LocalCloudOptions>(), sp.GetRequiredService<ILogger<LocalCloudStore>>()));
        services.AddSingleton(sp => new FaultInjector(sp.GetRequiredService<LocalCloudOptions>()));
        services.TryAddSingleton<ConnectionCounter>();
        services.AddSingleton<MachineController>();
        services.AddSingleton(sp => new SimulatedClusters(
            sp.GetRequiredService<LocalCloudStore>(), sp.GetRequiredService<MachineController>(), sp.GetRequiredService<LocalCloudOptions>()));
        services.AddSingleton<ArmRequestHandler>();
        services.AddSingleton<KubernetesRequestHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UserDelegationSas>();
        services.AddSingleton<BlobRequestHandler>();
        services.AddSingleton(sp => new ArmClientCertificates(sp.GetRequiredService<LocalCloudOptions>()));
        services.AddLocalIdentitiesAndKeyVault();
        services.AddSingleton<LocalServiceBus>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalServiceBus>());
        return services;
    }
}
