using Aro.LocalCloud.ServiceBus;

namespace Aro.LocalCloud;

/// <summary>Settings of the local cloud emulator (section "LocalCloud").</summary>
public sealed class LocalCloudOptions
{
    public const string SectionName = "LocalCloud";

    /// <summary>Listening URL of the standalone server; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = "https://localhost:8444";

    /// <summary>When set, resources, blobs and simulated clusters survive restarts in a JSON file here.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Location given to resource groups and resources created without one.</summary>
    public string DefaultLocation { get; set; } = "eastus";

    /// <summary>Delay added to every request, before any per-operation latency.</summary>
    public TimeSpan DefaultLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Delay per operation type, e.g. "Microsoft.Network/dnszones/write" (see <see cref="Faults.FaultInjector"/>).</summary>
    public Dictionary<string, TimeSpan> Latency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Faults armed at start-up, so a host can be launched already misbehaving.</summary>
    public List<LocalCloudFaultOptions> Faults { get; set; } = [];

    /// <summary>OpenShift version reported by simulated clusters' ClusterVersion.</summary>
    public string OpenShiftVersion { get; set; } = "4.15.27";

    /// <summary>
    /// When true, only registered service principals (/_localcloud/service-principals) sign in, with their secret, as
    /// Entra does. False (the default): an unknown client id signs in with any secret and holds Network Contributor
    /// everywhere, so clusters created with made-up service principals keep working in development.
    /// </summary>
    public bool StrictServicePrincipals { get; set; }

    /// <summary>The local Service Bus namespace (section "LocalCloud:ServiceBus").</summary>
    public LocalServiceBusOptions ServiceBus { get; set; } = new();
}
