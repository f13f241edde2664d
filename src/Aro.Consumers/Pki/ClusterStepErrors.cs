using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Validation;
using Aro.Cloud.Clusters;

namespace Aro.Consumers.Pki;

/// <summary>
/// The permanent failures the PKI-based steps (Ignition, credentials) report about a cluster document.
/// Messages name fields, never their values when those are secrets.
/// </summary>
internal static class ClusterStepErrors
{
    /// <summary>The problem that stops a CA being issued for the cluster's names, or null.</summary>
    public static CloudErrorBody? CheckDomain(OpenShiftCluster cluster, ClusterDomain domain)
    {
        if (!DomainName.IsValid(cluster.Properties.ClusterProfile.Domain, isCreate: false))
        {
            return new CloudErrorBody(CloudErrorCodes.InvalidParameter, $"The provided domain '{cluster.Properties.ClusterProfile.Domain}' is invalid.", "properties.clusterProfile.domain");
        }

        // A valid managed domain only goes wrong with a bad RP zone: say so rather than blame the user's input.
        return DomainName.IsValid(domain.Fqdn, isCreate: false)
            ? null
            : new CloudErrorBody(CloudErrorCodes.InternalServerError, $"The cluster's domain '{domain.Fqdn}' is not a valid DNS name; check the RP's Cloud:Domain setting.");
    }
}
