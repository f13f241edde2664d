using Aro.Api.Model;

namespace Aro.Consumers.Credentials;

/// <summary>
/// Where the cluster's Kubernetes API answers, for the admin kubeconfig. In Azure that is the API
/// server's public name; the local cloud serves the API elsewhere and registers its own resolver.
/// </summary>
public interface IKubernetesEndpointResolver
{
    Task<Uri> ResolveAsync(OpenShiftCluster cluster, CancellationToken cancellationToken);
}
