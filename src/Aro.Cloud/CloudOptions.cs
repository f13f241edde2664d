namespace Aro.Cloud;

/// <summary>Where the RP's cloud is and what it owns there (configuration section <c>Cloud</c>).</summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    /// <summary>
    /// The ARM endpoint, e.g. <c>https://localhost:8444/</c> for the local cloud. Null means the ARM of
    /// <see cref="AzureCloud"/> (the Azure public cloud when that is unset too). Whether an endpoint is the local
    /// emulator is decided by <see cref="LocalCloudRule"/> alone.
    /// </summary>
    public Uri? ArmEndpoint { get; set; }

    /// <summary>
    /// The real Azure cloud the RP runs in, by name (<see cref="AzureClouds.Names"/>, ARO_AZURE_CLOUD). Set, the RP never
    /// treats its endpoint as the local cloud, whatever <see cref="ArmEndpoint"/> is.
    /// </summary>
    public string? AzureCloud { get; set; }

    /// <summary>
    /// Where the local cloud emulator is when it is not on this machine (docker-compose's <c>https://local-cloud:8444</c>);
    /// development fills it from ARO_LOCAL_CLOUD_URL. An <see cref="ArmEndpoint"/> on that host and port is the local cloud.
    /// </summary>
    public Uri? LocalCloudEndpoint { get; set; }

    /// <summary>
    /// The Entra authority customers' service principals sign in at (ARO_AUTHORITY_HOST). Null: the local cloud itself
    /// when <see cref="ArmEndpoint"/> is the local cloud (it serves Entra's token endpoint too), else the authority of
    /// <see cref="AzureCloud"/>.
    /// </summary>
    public Uri? AuthorityHost { get; set; }

    /// <summary>Accept the ARM and Kubernetes endpoints' self-signed certificates. For the local emulator only (refused otherwise).</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>
    /// How a cluster's Kubernetes API is reached in local mode, e.g. <c>{arm}/_kubernetes/{clusterResourceGroup}</c>
    /// (<c>{arm}</c> is <see cref="ArmEndpoint"/> without its trailing slash, <c>{clusterResourceGroup}</c> the cluster
    /// resource group's name in lower case). Null: the cluster's own API server URL with its admin client certificate.
    /// </summary>
    public string? KubernetesEndpoint { get; set; }

    /// <summary>The resource group of the RP's DNS zone, e.g. <c>/subscriptions/{rp sub}/resourceGroups/aro-dns</c>.</summary>
    public string DnsZoneResourceGroupId { get; set; } = "";

    /// <summary>The RP's DNS zone; a managed cluster domain <c>x</c> becomes <c>x.{Domain}</c>.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The region the RP runs in and creates its own resources (its DNS zone) in.</summary>
    public string Location { get; set; } = "";

    /// <summary>How often to look at MachineSets while waiting for workers.</summary>
    public TimeSpan KubernetesPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for MachineSets to report their replicas ready before giving up (the step retries).</summary>
    public TimeSpan MachineSetReadyTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>True when <see cref="ArmEndpoint"/> is the local cloud emulator (<see cref="LocalCloudRule"/>), never for a real Azure cloud.</summary>
    public bool IsLocal => LocalCloudRule.IsLocalCloud(ArmEndpoint, AzureCloud, LocalCloudEndpoint);

    /// <summary>The authority in effect once the defaults of <see cref="AuthorityHost"/> are applied.</summary>
    public Uri EffectiveAuthorityHost => AuthorityHost ?? (IsLocal && ArmEndpoint is not null ? ArmEndpoint : AzureClouds.AuthorityHost(AzureCloud));

    /// <summary>The ARM id of the RP's DNS zone.</summary>
    public string DnsZoneId => $"{DnsZoneResourceGroupId.TrimEnd('/')}/providers/Microsoft.Network/dnszones/{Domain}";
}
