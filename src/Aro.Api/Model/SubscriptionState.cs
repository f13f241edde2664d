namespace Aro.Api.Model;

/// <summary>The subscription lifecycle states of the ARM RPC.</summary>
public enum SubscriptionState
{
    Registered,
    Warned,
    Suspended,
    Deleted,
    Unregistered,
}
