namespace Aro.Api.Model;

/// <summary>A subscription as ARM last told us about it (PUT /subscriptions/{id}?api-version=2.0).</summary>
public sealed class Subscription
{
    public SubscriptionState State { get; set; }

    public SubscriptionProperties? Properties { get; set; }
}
