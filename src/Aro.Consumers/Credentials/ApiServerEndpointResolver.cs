using Aro.Api.Model;
using Aro.Cloud;
using Aro.Cloud.Clusters;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Credentials;

/// <summary>
/// The API server URL the cluster reports once its machines exist, or else the installer's
/// <c>https://api.{fully qualified domain}:6443</c>.
/// </summary>
public sealed class ApiServerEndpointResolver(IOptions<CloudOptions> options) : IKubernetesEndpointResolver
{
    private readonly CloudOptions _options = options.Value;

    public Task<Uri> ResolveAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        var endpoint = Uri.TryCreate(cluster.Properties.ApiServerProfile.Url, UriKind.Absolute, out var reported)
            ? reported
            : new Uri(ClusterDomain.For(cluster, _options).ApiServerUrl);
        return Task.FromResult(endpoint);
    }
}
