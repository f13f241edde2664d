using Aro.Persistence.Scheduling;

namespace Aro.Persistence.Tests.Scheduling;

/// <summary>
/// The scheduled-message store's rules, for every implementation: one claim wins, a claim hides the message, a
/// cancel or reschedule beats a completion. Each test gets an empty store (the due query sees all of it).
/// </summary>
public abstract class ScheduledMessageStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    protected abstract IScheduledMessageStore Store { get; }

    private IScheduledMessageStore Subject => Store;

    [Fact]
    public async Task Only_due_messages_are_listed_earliest_first()
    {
        var later = Entry(Now.AddSeconds(-1));
        var earlier = Entry(Now.AddSeconds(-5));
        await Subject.ScheduleAsync(later, CancellationToken.None);
        await Subject.ScheduleAsync(Entry(Now.AddSeconds(1)), CancellationToken.None);
        await Subject.ScheduleAsync(earlier, CancellationToken.None);

        var due = await Subject.ListDueAsync(Now, 10, CancellationToken.None);

        Assert.Equal([earlier.TokenId, later.TokenId], due.Select(m => m.TokenId));
        // Everything that goes out again comes back as it was stored.
        Assert.Equal(earlier with { ETag = due[0].ETag, MessageTypes = due[0].MessageTypes }, due[0]);
        Assert.Equal(earlier.MessageTypes, due[0].MessageTypes);
    }

    [Fact]
    public async Task Of_two_claims_on_one_listing_only_one_wins_and_the_claim_hides_it_until_it_lapses()
    {
        await Subject.ScheduleAsync(Entry(Now), CancellationToken.None);
        var listed = Assert.Single(await Subject.ListDueAsync(Now, 10, CancellationToken.None));

        var first = await Subject.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None);
        var second = await Subject.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Empty(await Subject.ListDueAsync(Now.AddSeconds(29), 10, CancellationToken.None));
        Assert.Single(await Subject.ListDueAsync(Now.AddSeconds(30), 10, CancellationToken.None));
        Assert.True(await Subject.TryCompleteAsync(first, CancellationToken.None));
        Assert.Null(await Subject.GetAsync(listed.TokenId, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancel_or_a_reschedule_while_claimed_wins_over_the_completion()
    {
        var cancelled = Entry(Now);
        var rescheduled = Entry(Now);
        await Subject.ScheduleAsync(cancelled, CancellationToken.None);
        await Subject.ScheduleAsync(rescheduled, CancellationToken.None);
        var claims = new List<ScheduledMessageEntry>();
        foreach (var listed in await Subject.ListDueAsync(Now, 10, CancellationToken.None))
        {
            claims.Add((await Subject.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None))!);
        }

        Assert.True(await Subject.CancelAsync(cancelled.TokenId, CancellationToken.None));
        Assert.False(await Subject.CancelAsync(cancelled.TokenId, CancellationToken.None));
        await Subject.ScheduleAsync(rescheduled with { DueTime = Now.AddMinutes(1) }, CancellationToken.None);

        Assert.All(claims, claim => Assert.False(Subject.TryCompleteAsync(claim, CancellationToken.None).GetAwaiter().GetResult()));
        var kept = await Subject.GetAsync(rescheduled.TokenId, CancellationToken.None);
        Assert.Equal(Now.AddMinutes(1), kept!.DueTime);
        Assert.Null(kept.ClaimedUntil);
    }

    private static ScheduledMessageEntry Entry(DateTimeOffset due) =>
        new(Guid.NewGuid(), new Uri("rabbitmq://localhost/cluster-lifecycle-state"), due, "application/vnd.masstransit+json", """{"message":{}}""", ["urn:message:Aro.Orchestration:ClusterStepTimedOut"], Guid.NewGuid(), """{"Aro-Test":"kept"}""");
}
