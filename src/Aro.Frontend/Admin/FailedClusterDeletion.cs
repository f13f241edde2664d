using System.Net;
using Aro.Api;
using Aro.Api.Model;
using Aro.Frontend.Clusters;
using Aro.Persistence.Documents;

namespace Aro.Frontend.Admin;

/// <summary>
/// An operator's "try the deletion again" for a cluster whose deletion failed: the same start as an ARM DELETE
/// (new operation, document committed Deleting, then the request published), refused for any other cluster so that
/// the admin API can never delete a healthy cluster behind its owner's back.
/// </summary>
public sealed class FailedClusterDeletion
{
    private readonly ClusterDeletion _deletion;

    internal FailedClusterDeletion(ClusterDeletion deletion) => _deletion = deletion;

    /// <returns>The new operation's id.</returns>
    public async Task<string> RetryAsync(string subscriptionId, string clusterKey, CancellationToken cancellationToken)
    {
        CloudError? refusal = null;
        var operationId = await _deletion.StartAsync(subscriptionId, clusterKey, current =>
        {
            var properties = current.OpenShiftCluster.Properties;
            if (properties.ProvisioningState == ProvisioningState.Failed && properties.FailedProvisioningState == ProvisioningState.Deleting)
            {
                return true;
            }

            refusal = new CloudError(HttpStatusCode.Conflict, CloudErrorCodes.RequestNotAllowed, null,
                $"Only a cluster whose deletion failed can have it retried; this one is {properties.ProvisioningState}.");
            return false;
        }, cancellationToken);
        return operationId ?? throw refusal ?? ClusterNotFound.For(clusterKey);
    }
}
