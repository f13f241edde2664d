using Aro.Api.Model;
using Aro.Consumers.Credentials;

namespace Aro.Consumers.Tests.Credentials;

/// <summary>Serves every cluster's API from one place, as the local cloud does.</summary>
internal sealed class FixedEndpointResolver(Uri endpoint) : IKubernetesEndpointResolver
{
    public Task<Uri> ResolveAsync(OpenShiftCluster cluster, CancellationToken cancellationToken) => Task.FromResult(endpoint);
}
