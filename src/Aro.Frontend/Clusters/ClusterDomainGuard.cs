using Aro.Api;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Clusters;

/// <summary>
/// A managed domain (a single label <c>x</c>, or a name under the RP's zone <c>x.{Domain}</c>: the same records) names
/// DNS records the RP owns, so two clusters of this location must not share one: the second create is refused with
/// the reference RP's <c>DuplicateDomain</c>. A domain outside the zone is the customer's, as are its records, and is
/// not checked (as the reference RP). A cluster holds its domain until its document is gone, whatever its state.
/// </summary>
internal sealed class ClusterDomainGuard(IOpenShiftClusterStore clusters, IOptions<FrontendOptions> options)
{
    /// <summary>Refuses <paramref name="cluster"/> when another cluster of its location already holds its managed domain.</summary>
    public async Task EnsureFreeAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        if (await IsHeldByAnotherAsync(cluster, cancellationToken))
        {
            throw DuplicateDomain(cluster);
        }
    }

    /// <summary>Whether a cluster other than <paramref name="cluster"/>, in its location, holds its managed domain.</summary>
    public async Task<bool> IsHeldByAnotherAsync(OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        if (Spellings(cluster.Properties.ClusterProfile.Domain) is not { } spellings)
        {
            return false;
        }

        var key = OpenShiftClusterDocument.KeyFor(cluster.Id);
        await foreach (var other in clusters.ListByDomainAsync(spellings, exceptId: key, cancellationToken))
        {
            if (string.Equals(other.OpenShiftCluster.Location, cluster.Location, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static CloudError DuplicateDomain(OpenShiftCluster cluster) =>
        CloudError.BadRequest(CloudErrorCodes.DuplicateDomain, null, $"The provided domain '{cluster.Properties.ClusterProfile.Domain}' is already in use by a cluster.");

    /// <summary>
    /// How the same managed domain can be written (<c>x</c> or <c>x.{zone}</c>; <c>x.y.{zone}</c> only so), in any
    /// case; null for a customer's domain. The same decision as the backend's <c>ClusterDomain</c>.
    /// </summary>
    private IReadOnlySet<string>? Spellings(string domain)
    {
        var zoneSuffix = "." + options.Value.Domain.TrimEnd('.');
        string label;
        if (domain.EndsWith(zoneSuffix, StringComparison.OrdinalIgnoreCase) && domain.Length > zoneSuffix.Length)
        {
            label = domain[..^zoneSuffix.Length];
        }
        else if (domain.Length > 0 && !domain.Contains('.', StringComparison.Ordinal))
        {
            label = domain;
        }
        else
        {
            return null;
        }

        var spellings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { label + zoneSuffix };
        if (!label.Contains('.', StringComparison.Ordinal))
        {
            spellings.Add(label);
        }

        return spellings;
    }
}
