namespace Aro.Api.V20200430;

/// <summary>Converts between the internal cluster and this version's external form.</summary>
public static class OpenShiftClusterConverter
{
    /// <summary>The external form of a cluster. Secrets (pull secret, client secret) are never emitted.</summary>
    public static OpenShiftCluster ToExternal(Model.OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        return new OpenShiftCluster
        {
            Id = cluster.Id,
            Name = cluster.Name,
            Type = cluster.Type,
            Location = cluster.Location,
            Tags = cluster.Tags is null ? null : new Dictionary<string, string>(cluster.Tags),
            Properties = new OpenShiftClusterProperties
            {
                ProvisioningState = properties.ProvisioningState.ToString(),
                ClusterProfile = new ClusterProfile
                {
                    Domain = properties.ClusterProfile.Domain,
                    Version = NullIfEmpty(properties.ClusterProfile.Version),
                    ResourceGroupId = properties.ClusterProfile.ResourceGroupId,
                },
                ConsoleProfile = new ConsoleProfile { Url = properties.ConsoleProfile.Url },
                ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = properties.ServicePrincipalProfile.ClientId },
                NetworkProfile = new NetworkProfile
                {
                    PodCidr = properties.NetworkProfile.PodCidr,
                    ServiceCidr = properties.NetworkProfile.ServiceCidr,
                },
                MasterProfile = new MasterProfile
                {
                    VmSize = properties.MasterProfile.VmSize,
                    SubnetId = properties.MasterProfile.SubnetId,
                },
                WorkerProfiles = properties.WorkerProfiles.Select(w => new WorkerProfile
                {
                    Name = w.Name,
                    VmSize = w.VmSize,
                    DiskSizeGB = w.DiskSizeGB,
                    SubnetId = w.SubnetId,
                    Count = w.Count,
                }).ToList(),
                ApiServerProfile = new ApiServerProfile
                {
                    Visibility = properties.ApiServerProfile.Visibility,
                    Url = properties.ApiServerProfile.Url,
                    Ip = properties.ApiServerProfile.Ip,
                },
                IngressProfiles = properties.IngressProfiles.Select(i => new IngressProfile
                {
                    Name = i.Name,
                    Visibility = i.Visibility,
                    Ip = i.Ip,
                }).ToList(),
            },
        };
    }

    /// <summary>
    /// The internal form of a request. Read-only fields and what the external form does not carry come
    /// from <paramref name="existing"/> (empty on create); secrets left out of the request are kept from it;
    /// everything else, tags included, is replaced by the request.
    /// </summary>
    public static Model.OpenShiftCluster ToInternal(OpenShiftCluster external, Model.OpenShiftCluster? existing)
    {
        var properties = external.Properties ?? new OpenShiftClusterProperties();
        var current = existing?.Properties;
        return new Model.OpenShiftCluster
        {
            Id = existing?.Id ?? external.Id ?? "",
            Name = existing?.Name ?? external.Name ?? "",
            Type = existing?.Type ?? external.Type ?? "",
            Location = external.Location ?? "",
            Tags = external.Tags is null ? null : new Dictionary<string, string>(external.Tags),
            Properties = new Model.OpenShiftClusterProperties
            {
                ProvisioningState = current?.ProvisioningState ?? default,
                FailedProvisioningState = current?.FailedProvisioningState,
                LastError = current?.LastError,
                InfraId = current?.InfraId,
                Pki = current?.Pki,
                Credentials = current?.Credentials is { } credentials
                    ? new Model.ClusterCredentials
                    {
                        KubeadminUsername = credentials.KubeadminUsername,
                        KubeadminPassword = credentials.KubeadminPassword,
                        AdminKubeconfig = credentials.AdminKubeconfig,
                    }
                    : null,
                ClusterProfile = new Model.ClusterProfile
                {
                    PullSecret = properties.ClusterProfile?.PullSecret ?? current?.ClusterProfile.PullSecret,
                    Domain = properties.ClusterProfile?.Domain ?? "",
                    Version = current?.ClusterProfile.Version ?? "",
                    ResourceGroupId = properties.ClusterProfile?.ResourceGroupId ?? "",
                },
                ConsoleProfile = new Model.ConsoleProfile { Url = current?.ConsoleProfile.Url },
                ServicePrincipalProfile = new Model.ServicePrincipalProfile
                {
                    ClientId = properties.ServicePrincipalProfile?.ClientId ?? "",
                    ClientSecret = properties.ServicePrincipalProfile?.ClientSecret ?? current?.ServicePrincipalProfile.ClientSecret,
                },
                NetworkProfile = new Model.NetworkProfile
                {
                    PodCidr = properties.NetworkProfile?.PodCidr ?? "",
                    ServiceCidr = properties.NetworkProfile?.ServiceCidr ?? "",
                },
                MasterProfile = new Model.MasterProfile
                {
                    VmSize = properties.MasterProfile?.VmSize ?? "",
                    SubnetId = properties.MasterProfile?.SubnetId ?? "",
                },
                WorkerProfiles = (properties.WorkerProfiles ?? []).Select(w => new Model.WorkerProfile
                {
                    Name = w.Name ?? "",
                    VmSize = w.VmSize ?? "",
                    DiskSizeGB = w.DiskSizeGB ?? 0,
                    SubnetId = w.SubnetId ?? "",
                    Count = w.Count ?? 0,
                }).ToList(),
                ApiServerProfile = new Model.ApiServerProfile
                {
                    Visibility = properties.ApiServerProfile?.Visibility ?? "",
                    Url = current?.ApiServerProfile.Url,
                    Ip = current?.ApiServerProfile.Ip,
                },
                IngressProfiles = (properties.IngressProfiles ?? []).Select((ingress, index) => new Model.IngressProfile
                {
                    Name = ingress.Name ?? "",
                    Visibility = ingress.Visibility ?? "",
                    Ip = current is not null && index < current.IngressProfiles.Count ? current.IngressProfiles[index].Ip : null,
                }).ToList(),
            },
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
