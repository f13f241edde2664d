using System.Text.Json.Nodes;

namespace Aro.Frontend.Subscriptions;

/// <summary>
/// The body ARM sends on subscription lifecycle notifications. Unknown members are accepted, as ARM
/// adds fields over time.
/// </summary>
internal sealed class SubscriptionRequest
{
    public string? State { get; set; }

    public JsonObject? Properties { get; set; }
}
