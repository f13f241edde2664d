using Aro.Api;
using Aro.Api.Model;

namespace Aro.Consumers.ServicePrincipals;

/// <summary>Checks the cluster's service principal before any cloud work is done with it.</summary>
public interface IServicePrincipalValidator
{
    /// <summary>
    /// Null when the service principal signs in and may join and change the virtual network and the route tables;
    /// otherwise the first problem: InvalidServicePrincipalCredentials, or InvalidServicePrincipalPermissions naming
    /// the action and the resource. Transient failures of Entra or ARM throw.
    /// </summary>
    Task<CloudErrorBody?> ValidateAsync(OpenShiftCluster cluster, string vnetId, IReadOnlyCollection<string> routeTableIds, CancellationToken cancellationToken);
}
