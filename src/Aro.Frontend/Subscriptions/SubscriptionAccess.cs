namespace Aro.Frontend.Subscriptions;

/// <summary>What a request does to a subscription's resources, which is what its lifecycle state allows or refuses.</summary>
internal enum SubscriptionAccess
{
    /// <summary>GET of a cluster, a list or an operation.</summary>
    Read,

    /// <summary>PUT, PATCH and POST actions (listCredentials).</summary>
    Write,

    Delete,
}
