using Aro.Api;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;

namespace Aro.Consumers.Credentials;

/// <summary>
/// Ensures the kubeadmin password and the admin kubeconfig in the cluster's credentials, whose secret properties the
/// store seals. They are made with the PKI (<see cref="ClusterPkiEnsurer"/>), so on a create the Ignition step has
/// usually issued them and this step finds them stored; it issues them itself when it runs first or they are missing.
/// </summary>
internal sealed class CredentialsService(PkiStepStart start) : ICredentialsService
{
    public async Task<StepOutcome> IssueAsync(string resourceId, string operationId, CancellationToken cancellationToken)
    {
        var (ready, outcome) = await start.StartAsync(resourceId, operationId, AdminCredentials.AreIssued, check: null, cancellationToken);
        if (ready is null)
        {
            return outcome!;
        }

        return AdminCredentials.AreIssued(ready.Cluster)
            ? StepOutcome.Done
            : StepOutcome.Failed(new CloudErrorBody(CloudErrorCodes.InternalServerError, "The cluster's PKI has no admin client certificate to build the admin kubeconfig from."));
    }
}
