namespace Aro.Api.Model;

public sealed class OpenShiftClusterProperties
{
    public ProvisioningState ProvisioningState { get; set; }

    /// <summary>The state an operation was in when it failed; kept so a failed create can be told from a failed update.</summary>
    public ProvisioningState? FailedProvisioningState { get; set; }

    /// <summary>The error the last failed operation ended with, if any.</summary>
    public CloudErrorBody? LastError { get; set; }

    public ClusterProfile ClusterProfile { get; set; } = new();

    public ConsoleProfile ConsoleProfile { get; set; } = new();

    public ServicePrincipalProfile ServicePrincipalProfile { get; set; } = new();

    public NetworkProfile NetworkProfile { get; set; } = new();

    public MasterProfile MasterProfile { get; set; } = new();

    public List<WorkerProfile> WorkerProfiles { get; set; } = [];

    /// <summary>
    /// How many workers the cluster has or should have, over all its worker profiles: what a scale or an update asks
    /// for. A method rather than a property so the stored document and the API never carry it.
    /// </summary>
    public int WorkerCount() => WorkerProfiles.Sum(w => w.Count);

    public ApiServerProfile ApiServerProfile { get; set; } = new();

    public List<IngressProfile> IngressProfiles { get; set; } = [];

    /// <summary>
    /// The prefix of every cloud resource the cluster owns (e.g. mycluster-x7k2p): deterministic per
    /// cluster, so a repeated step finds what an earlier attempt created. Set by the backend.
    /// </summary>
    public string? InfraId { get; set; }

    /// <summary>The cluster's CA and certificates, issued by the backend; private keys are secrets.</summary>
    public ClusterPki? Pki { get; set; }

    /// <summary>Credentials issued by the backend once the cluster exists; never returned by GET.</summary>
    public ClusterCredentials? Credentials { get; set; }
}
