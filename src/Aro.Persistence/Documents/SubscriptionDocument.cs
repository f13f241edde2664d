using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>A subscription's registration, partitioned (and keyed) by its lower-cased id.</summary>
public sealed class SubscriptionDocument : IDocument
{
    public string Id { get; set; } = "";

    public string PartitionKey => Id;

    public string? ETag { get; set; }

    public Subscription Subscription { get; set; } = new();

    /// <summary>
    /// When the frontend finished asking for every cluster of the subscription to be deleted, after ARM moved it
    /// to Deleted; null until then. A repeated Deleted notification with this set starts nothing.
    /// </summary>
    public DateTimeOffset? ClusterDeletionRequestedAt { get; set; }

    public static string KeyFor(string subscriptionId) => subscriptionId.ToLowerInvariant();
}
