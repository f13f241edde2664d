using System.Net;
using Aro.Api.Model;
using Aro.Frontend.Subscriptions;

namespace Aro.Frontend.Tests.Subscriptions;

public sealed class SubscriptionStatePolicyTests
{
    // Access is named rather than typed: the enum is internal to the frontend. null: allowed; otherwise the status of the InvalidSubscriptionState refusal.
    public static TheoryData<SubscriptionState, string, HttpStatusCode?> Rows() => new()
    {
        { SubscriptionState.Registered, "Read", null },
        { SubscriptionState.Registered, "Write", null },
        { SubscriptionState.Registered, "Delete", null },
        { SubscriptionState.Warned, "Read", null },
        { SubscriptionState.Warned, "Write", HttpStatusCode.Conflict },
        { SubscriptionState.Warned, "Delete", null },
        { SubscriptionState.Suspended, "Read", null },
        { SubscriptionState.Suspended, "Write", HttpStatusCode.Conflict },
        { SubscriptionState.Suspended, "Delete", null },
        { SubscriptionState.Unregistered, "Read", null },
        { SubscriptionState.Unregistered, "Write", HttpStatusCode.BadRequest },
        { SubscriptionState.Unregistered, "Delete", HttpStatusCode.BadRequest },
        { SubscriptionState.Deleted, "Read", HttpStatusCode.BadRequest },
        { SubscriptionState.Deleted, "Write", HttpStatusCode.BadRequest },
        { SubscriptionState.Deleted, "Delete", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_state_allows_what_the_RPC_allows(SubscriptionState state, string access, HttpStatusCode? refusedWith)
    {
        var refusal = SubscriptionStatePolicy.Refusal(state, Enum.Parse<SubscriptionAccess>(access));

        if (refusedWith is null)
        {
            Assert.Null(refusal);
            return;
        }

        Assert.NotNull(refusal);
        Assert.Equal(refusedWith, refusal.StatusCode);
        Assert.Equal("InvalidSubscriptionState", refusal.Body.Code);
        Assert.Equal($"Request is not allowed in subscription in state '{state}'.", refusal.Body.Message);
        Assert.Null(refusal.Body.Target);
    }

    [Fact]
    public void Every_state_has_a_row_for_every_access()
    {
        var rows = Rows().Select(r => ((SubscriptionState)r[0], (string)r[1])).ToHashSet();

        Assert.Equal(Enum.GetValues<SubscriptionState>().Length * Enum.GetValues<SubscriptionAccess>().Length, rows.Count);
    }
}
