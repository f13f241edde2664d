using Aro.Api;
using Aro.Api.Model;

namespace Aro.Frontend.Clusters;

/// <summary>One operation at a time: writes are refused while another operation is in progress.</summary>
internal static class ProvisioningStateGuard
{
    public static void EnsureTerminal(OpenShiftClusterProperties properties)
    {
        if (!properties.ProvisioningState.IsTerminal())
        {
            throw RequestNotAllowed(properties.ProvisioningState);
        }
    }

    /// <summary>A cluster whose creation or deletion failed can only be deleted.</summary>
    public static void EnsureUpdatable(OpenShiftClusterProperties properties)
    {
        EnsureTerminal(properties);
        if (properties.ProvisioningState != ProvisioningState.Failed)
        {
            return;
        }

        switch (properties.FailedProvisioningState)
        {
            case ProvisioningState.Creating:
                throw CloudError.BadRequest(CloudErrorCodes.RequestNotAllowed, null, "Request is not allowed on cluster whose creation failed. Delete the cluster.");
            case ProvisioningState.Deleting:
                throw CloudError.BadRequest(CloudErrorCodes.RequestNotAllowed, null, "Request is not allowed on cluster whose deletion failed. Delete the cluster.");
        }
    }

    /// <summary>Credentials exist only once a create has succeeded, and not while the cluster is going away.</summary>
    public static void EnsureCredentialsAvailable(OpenShiftClusterProperties properties)
    {
        var state = properties.ProvisioningState;
        if (state is ProvisioningState.Creating or ProvisioningState.Deleting)
        {
            throw RequestNotAllowed(state);
        }

        if (state == ProvisioningState.Failed && properties.FailedProvisioningState is ProvisioningState.Creating or ProvisioningState.Deleting)
        {
            throw RequestNotAllowed(state);
        }
    }

    private static CloudError RequestNotAllowed(ProvisioningState state) =>
        CloudError.BadRequest(CloudErrorCodes.RequestNotAllowed, null, $"Request is not allowed in provisioningState '{state}'.");
}
