using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>A subscription's registration, partitioned (and keyed) by its lower-cased id.</summary>
public sealed class SubscriptionDocument : IDocument
{
    public string Id { get; set; } = "";

    public string PartitionKey => Id;

    public string? ETag { get; set; }

    public Subscription Subscription { get; set; } = new();

    public static string KeyFor(string subscriptionId) => subscriptionId.ToLowerInvariant();
}
