using System.Net;
using System.Net.Sockets;
using Aro.LocalCloud;
using Aro.LocalCloud.ServiceBus;
using Aro.Messaging;
using Aro.Messaging.ServiceBus;
using Aro.Rp.LocalCloud;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Hosting;

/// <summary>
/// Which Service Bus namespace <c>ARO_TRANSPORT=servicebus</c> uses, and whether the RP creates its entities. With
/// <c>ARO_SERVICEBUS_NAMESPACE</c> or <c>ARO_SERVICEBUS_CONNECTION_STRING</c>, that one. Without either, in
/// development: the all-in-one RP's embedded local cloud's namespace, or for a separate frontend or backend the one
/// <c>aro-rp local-cloud</c> serves on <c>ARO_LOCAL_CLOUD_SERVICEBUS_PORT</c> / <c>_ADMIN_PORT</c>. Otherwise the
/// transport's validation refuses to start with one line naming both variables.
/// </summary>
internal static class ServiceBusSelection
{
    public static IServiceCollection AddAroServiceBusSelection(this IServiceCollection services, IConfiguration configuration)
    {
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        if (!string.Equals(messaging.Transport, ServiceBusTransport.TransportName, StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        // Entities are created where the RP owns the namespace (development); in production infra declares them.
        services.AddOptions<ServiceBusTransportOptions>()
            .PostConfigure<IOptions<RpOptions>>((options, rp) => options.CreateTopology ??= rp.Value.IsDevelopment);

        var configured = configuration.GetSection(ServiceBusTransportOptions.SectionName).Get<ServiceBusTransportOptions>() ?? new ServiceBusTransportOptions();
        var rp = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>() ?? new RpOptions();
        if (!rp.IsDevelopment || configured.UsesConnectionString || !string.IsNullOrWhiteSpace(configured.Namespace))
        {
            return services;
        }

        if (LocalCloudSelection.IsEmbedded(configuration))
        {
            // The bus is built before the embedded local cloud starts, so its ports are fixed now rather than
            // picked when it listens; the same options then serve both.
            services.AddOptions<LocalCloudOptions>().PostConfigure(localCloud =>
            {
                localCloud.ServiceBus.Port = localCloud.ServiceBus.Port is 0 ? FreeLoopbackPort() : localCloud.ServiceBus.Port;
                localCloud.ServiceBus.AdministrationPort = localCloud.ServiceBus.AdministrationPort is 0 ? FreeLoopbackPort() : localCloud.ServiceBus.AdministrationPort;
            });
            services.AddOptions<ServiceBusTransportOptions>()
                .PostConfigure<IOptions<LocalCloudOptions>>((options, localCloud) => UseLocalServiceBus(options, localCloud.Value.ServiceBus));
            return services;
        }

        if (StandaloneLocalServiceBus(configuration) is { } standalone)
        {
            services.AddOptions<ServiceBusTransportOptions>().PostConfigure(options => UseLocalServiceBus(options, standalone));
        }

        return services;
    }

    /// <summary>
    /// The settings a tool beside the RP (<c>aro-rp dead-letters</c>) reaches the same namespace with: the ones set, or
    /// in development the Service Bus of <c>aro-rp local-cloud</c> on its configured ports (an all-in-one RP's
    /// embedded one listens on ports only it knows unless <c>ARO_LOCAL_CLOUD_SERVICEBUS_PORT</c> / <c>_ADMIN_PORT</c> fix them).
    /// </summary>
    public static IServiceCollection AddAroServiceBusSelectionForTool(this IServiceCollection services, IConfiguration configuration)
    {
        var rp = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>() ?? new RpOptions();
        if (rp.IsDevelopment && StandaloneLocalServiceBus(configuration) is { } standalone)
        {
            services.AddOptions<ServiceBusTransportOptions>().PostConfigure(options =>
            {
                if (!options.UsesConnectionString && string.IsNullOrWhiteSpace(options.Namespace))
                {
                    UseLocalServiceBus(options, standalone);
                }
            });
        }

        return services;
    }

    /// <summary>The local cloud's Service Bus when its ports are configured (env.example: 5682 and 5300); null otherwise.</summary>
    private static LocalServiceBusOptions? StandaloneLocalServiceBus(IConfiguration configuration)
    {
        var localServiceBus = configuration.GetSection($"{LocalCloudOptions.SectionName}:{nameof(LocalCloudOptions.ServiceBus)}").Get<LocalServiceBusOptions>() ?? new LocalServiceBusOptions();
        return localServiceBus.Port is not 0 && localServiceBus.AdministrationPort is not 0 ? localServiceBus : null;
    }

    private static void UseLocalServiceBus(ServiceBusTransportOptions options, LocalServiceBusOptions localServiceBus)
    {
        options.ConnectionString = localServiceBus.ConnectionString(localServiceBus.Port);
        options.AdministrationConnectionString = localServiceBus.ConnectionString(localServiceBus.AdministrationPort);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
