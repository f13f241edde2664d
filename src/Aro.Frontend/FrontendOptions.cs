using System.ComponentModel.DataAnnotations;

namespace Aro.Frontend;

/// <summary>Settings of the ARM-facing frontend (section "Frontend").</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>The Azure location this RP serves; requests for any other location are refused.</summary>
    [Required]
    [RegularExpression("^[a-z0-9]+$", ErrorMessage = "LOCATION must be a lower-case Azure location name such as eastus.")]
    public string Location { get; set; } = "eastus";

    /// <summary>The DNS zone under which managed cluster domains are created.</summary>
    [Required]
    public string Domain { get; set; } = "aro.localhost";

    /// <summary>The OpenShift version new clusters are created with.</summary>
    [Required]
    public string OpenShiftVersion { get; set; } = "4.3.0";

    /// <summary>Seconds clients are told to wait between polls of an async operation.</summary>
    [Range(1, 600)]
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Days an async operation stays readable after it ended (or, if it never ended, after it started);
    /// ARM keeps operation results for 7 days. Older operations are answered 404.
    /// </summary>
    [Range(1, 365)]
    public int AsyncOperationRetentionDays { get; set; } = 7;

    /// <summary>Clusters per page of a list; further pages are reached through nextLink.</summary>
    [Range(1, 1000)]
    public int ListPageSize { get; set; } = 20;

    /// <summary>
    /// Seconds a read (GET of a cluster, a list, an operation) may be allowed by a subscription state read that long
    /// ago on this process, rather than reading the subscription on every request. Writes always read it afresh, and a
    /// subscription PUT to this process takes effect at once; 0 reads it on every request.
    /// </summary>
    [Range(0, 60)]
    public int SubscriptionStateCacheSeconds { get; set; } = 5;

    /// <summary>
    /// Megabytes of cluster JSON a frontend process keeps to answer GETs and lists of unchanged clusters from
    /// (<see cref="Clusters.ClusterJsonCache"/>): each read still checks the cluster's ETag in the store, so nothing stale
    /// is ever shown; 0 turns it off. About 4 KB per cluster and api-version.
    /// </summary>
    [Range(0, 4096)]
    public int ClusterJsonCacheMegabytes { get; set; } = 64;
}
