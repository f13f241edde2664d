using System.Net;
using Aro.Api;
using Aro.Api.Model;

namespace Aro.Frontend.Subscriptions;

/// <summary>
/// The ARM subscription lifecycle (RPC): Registered allows everything; Warned and Suspended allow reads and
/// deletes, so a customer can still see and remove what they have but not add to it; Unregistered allows
/// reads only; Deleted allows nothing (its resources are being deleted), only ARM's next subscription PUT.
/// Codes and messages are the reference RP's. The status is its 400, except that a write refused in a Warned or
/// Suspended subscription is 409 Conflict as the RPC (and ARO-HCP) answer it: the request is fine, the
/// subscription's state is what conflicts, and it may change back.
/// </summary>
internal static class SubscriptionStatePolicy
{
    /// <summary>The error a request of <paramref name="access"/> is refused with in <paramref name="state"/>; null when allowed.</summary>
    public static CloudError? Refusal(SubscriptionState state, SubscriptionAccess access) => (state, access) switch
    {
        (SubscriptionState.Registered, _) => null,
        (SubscriptionState.Warned or SubscriptionState.Suspended, SubscriptionAccess.Read or SubscriptionAccess.Delete) => null,
        (SubscriptionState.Warned or SubscriptionState.Suspended, _) => Refused(HttpStatusCode.Conflict, state),
        (SubscriptionState.Unregistered, SubscriptionAccess.Read) => null,
        _ => Refused(HttpStatusCode.BadRequest, state),
    };

    private static CloudError Refused(HttpStatusCode status, SubscriptionState state) =>
        new(status, CloudErrorCodes.InvalidSubscriptionState, null, $"Request is not allowed in subscription in state '{state}'.");
}
