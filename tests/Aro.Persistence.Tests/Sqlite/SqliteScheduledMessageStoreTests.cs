using Aro.Persistence.Scheduling;
using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

/// <summary>The scheduled-message store's concurrency rules: one claim wins, a claim hides the message, a cancel or reschedule beats a completion.</summary>
public sealed class SqliteScheduledMessageStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteScheduledMessageStore _store;

    public SqliteScheduledMessageStoreTests() => _store = new SqliteScheduledMessageStore(new SqliteDatabase(_directory.Path));

    [Fact]
    public async Task Only_due_messages_are_listed_earliest_first()
    {
        var later = Entry(Now.AddSeconds(-1));
        var earlier = Entry(Now.AddSeconds(-5));
        await _store.ScheduleAsync(later, CancellationToken.None);
        await _store.ScheduleAsync(Entry(Now.AddSeconds(1)), CancellationToken.None);
        await _store.ScheduleAsync(earlier, CancellationToken.None);

        var due = await _store.ListDueAsync(Now, 10, CancellationToken.None);

        Assert.Equal([earlier.TokenId, later.TokenId], due.Select(m => m.TokenId));
        // Everything that goes out again comes back as it was stored.
        Assert.Equal(earlier with { ETag = due[0].ETag, MessageTypes = due[0].MessageTypes }, due[0]);
        Assert.Equal(earlier.MessageTypes, due[0].MessageTypes);
    }

    [Fact]
    public async Task Of_two_claims_on_one_listing_only_one_wins_and_the_claim_hides_it_until_it_lapses()
    {
        await _store.ScheduleAsync(Entry(Now), CancellationToken.None);
        var listed = Assert.Single(await _store.ListDueAsync(Now, 10, CancellationToken.None));

        var first = await _store.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None);
        var second = await _store.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Empty(await _store.ListDueAsync(Now.AddSeconds(29), 10, CancellationToken.None));
        Assert.Single(await _store.ListDueAsync(Now.AddSeconds(30), 10, CancellationToken.None));
        Assert.True(await _store.TryCompleteAsync(first, CancellationToken.None));
        Assert.Null(await _store.GetAsync(listed.TokenId, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancel_or_a_reschedule_while_claimed_wins_over_the_completion()
    {
        var cancelled = Entry(Now);
        var rescheduled = Entry(Now);
        await _store.ScheduleAsync(cancelled, CancellationToken.None);
        await _store.ScheduleAsync(rescheduled, CancellationToken.None);
        var claims = new List<ScheduledMessageEntry>();
        foreach (var listed in await _store.ListDueAsync(Now, 10, CancellationToken.None))
        {
            claims.Add((await _store.TryClaimAsync(listed, Now.AddSeconds(30), CancellationToken.None))!);
        }

        Assert.True(await _store.CancelAsync(cancelled.TokenId, CancellationToken.None));
        Assert.False(await _store.CancelAsync(cancelled.TokenId, CancellationToken.None));
        await _store.ScheduleAsync(rescheduled with { DueTime = Now.AddMinutes(1) }, CancellationToken.None);

        Assert.All(claims, claim => Assert.False(_store.TryCompleteAsync(claim, CancellationToken.None).GetAwaiter().GetResult()));
        var kept = await _store.GetAsync(rescheduled.TokenId, CancellationToken.None);
        Assert.Equal(Now.AddMinutes(1), kept!.DueTime);
        Assert.Null(kept.ClaimedUntil);
    }

    public void Dispose() => _directory.Dispose();

    private static ScheduledMessageEntry Entry(DateTimeOffset due) =>
        new(Guid.NewGuid(), new Uri("rabbitmq://localhost/cluster-lifecycle-state"), due, "application/vnd.masstransit+json", """{"message":{}}""", ["urn:message:Aro.Orchestration:ClusterStepTimedOut"], Guid.NewGuid(), """{"Aro-Test":"kept"}""");
}
