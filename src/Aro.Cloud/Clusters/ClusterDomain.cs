using Aro.Api.Model;

namespace Aro.Cloud.Clusters;

/// <summary>
/// A cluster's DNS names, as the reference RP's ManagedDomain decides them: a single label <c>x</c>, or a name
/// already under the RP's zone (<c>x.{CloudOptions.Domain}</c>), is managed (the RP owns its records, named
/// relative to its zone by <see cref="Domain"/>); any other name with dots belongs to the customer.
/// </summary>
/// <param name="Domain">For a managed domain, its label(s) relative to the RP's zone; otherwise the customer's domain.</param>
/// <param name="Fqdn">The cluster's full domain.</param>
/// <param name="IsManaged">Whether the RP owns the records.</param>
public sealed record ClusterDomain(string Domain, string Fqdn, bool IsManaged)
{
    public string ApiServerUrl => $"https://api.{Fqdn}:6443/";

    public string ConsoleUrl => $"https://console-openshift-console.apps.{Fqdn}/";

    /// <summary>The record set names in the RP's zone (relative to it): api, api-int and the apps wildcard.</summary>
    public string ApiRecord => $"api.{Domain}";

    public string ApiInternalRecord => $"api-int.{Domain}";

    public string AppsRecord => $"*.apps.{Domain}";

    public static ClusterDomain For(OpenShiftCluster cluster, CloudOptions options)
    {
        var domain = cluster.Properties.ClusterProfile.Domain.TrimEnd('.');
        var zoneSuffix = "." + options.Domain.TrimEnd('.');
        if (domain.EndsWith(zoneSuffix, StringComparison.OrdinalIgnoreCase) && domain.Length > zoneSuffix.Length)
        {
            return new ClusterDomain(domain[..^zoneSuffix.Length], domain, IsManaged: true);
        }

        return domain.Contains('.', StringComparison.Ordinal)
            ? new ClusterDomain(domain, domain, IsManaged: false)
            : new ClusterDomain(domain, $"{domain}.{options.Domain.TrimEnd('.')}", IsManaged: true);
    }
}
