using MassTransit;

namespace Aro.Messaging.Tests.Scheduling;

/// <summary>
/// The store-backed scheduler that keeps step timeouts on RabbitMQ, here over the in-memory bus: what is scheduled is
/// stored, sent when due by whichever backend claims it first, and survives the process that scheduled it.
/// </summary>
public sealed class StoredMessageSchedulerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-scheduler-").FullName;

    [Fact]
    public async Task A_scheduled_message_is_delivered_after_its_delay_with_its_headers()
    {
        await using var host = await SchedulerHost.StartAsync(_dataDirectory);
        var reminder = new Reminder(Guid.NewGuid(), "later");
        var due = DateTime.UtcNow.AddMilliseconds(500);

        var scheduled = await host.Scheduler.ScheduleSend(SchedulerHost.Reminders, due, reminder, Pipe.Execute<SendContext>(send => send.Headers.Set(SchedulerHost.TestHeader, "kept")));

        var received = Assert.Single(await WaitForAsync(host, count: 1));
        Assert.Equal(reminder, received.Message);
        Assert.Equal("kept", received.Header);
        Assert.True(received.ReceivedAt >= new DateTimeOffset(due), $"Delivered at {received.ReceivedAt:O}, before it was due at {due:O}.");
        Assert.Null(await host.Store.GetAsync(scheduled.TokenId, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_message_is_not_delivered()
    {
        await using var host = await SchedulerHost.StartAsync(_dataDirectory);
        // Due far enough ahead that the cancel below comes first even on a busy machine.
        var cancelledDue = DateTime.UtcNow.AddSeconds(10);
        var cancelled = await host.Scheduler.ScheduleSend(SchedulerHost.Reminders, cancelledDue, new Reminder(Guid.NewGuid(), "cancelled"));
        await WaitUntilAsync(async () => await host.Store.GetAsync(cancelled.TokenId, CancellationToken.None) is not null || !host.Received.IsEmpty);
        Assert.Empty(host.Received);

        await host.Scheduler.CancelScheduledSend(SchedulerHost.Reminders, cancelled.TokenId);
        await WaitUntilAsync(async () => await host.Store.GetAsync(cancelled.TokenId, CancellationToken.None) is null);
        // Due after the cancelled one: once it arrives, the cancelled one would have too.
        var marker = new Reminder(Guid.NewGuid(), "marker");
        await host.Scheduler.ScheduleSend(SchedulerHost.Reminders, cancelledDue.AddSeconds(0.2), marker);

        var received = Assert.Single(await WaitForAsync(host, count: 1));
        Assert.Equal(marker, received.Message);
    }

    [Fact]
    public async Task A_message_scheduled_before_a_crash_is_delivered_by_the_next_process()
    {
        var reminder = new Reminder(Guid.NewGuid(), "survives");
        await using (var first = await SchedulerHost.StartAsync(_dataDirectory))
        {
            var scheduled = await first.Scheduler.ScheduleSend(SchedulerHost.Reminders, DateTime.UtcNow.AddSeconds(2), reminder);
            await WaitUntilAsync(async () => await first.Store.GetAsync(scheduled.TokenId, CancellationToken.None) is not null);
            Assert.Empty(first.Received);
        }

        await using var second = await SchedulerHost.StartAsync(_dataDirectory);

        Assert.Equal(reminder, Assert.Single(await WaitForAsync(second, count: 1)).Message);
    }

    [Fact]
    public async Task Two_backends_on_one_store_deliver_each_message_once()
    {
        await using var first = await SchedulerHost.StartAsync(_dataDirectory);
        await using var second = await SchedulerHost.StartAsync(_dataDirectory);
        var due = DateTime.UtcNow.AddMilliseconds(500);
        var reminders = Enumerable.Range(0, 30).Select(i => new Reminder(Guid.NewGuid(), $"reminder {i}")).ToList();
        var tokens = new List<Guid>();
        foreach (var reminder in reminders)
        {
            tokens.Add((await first.Scheduler.ScheduleSend(SchedulerHost.Reminders, due, reminder)).TokenId);
        }

        // A row is removed only after its message was sent, so once all arrived and all rows are gone every send has been counted.
        await WaitUntilAsync(async () =>
        {
            if (first.Received.Count + second.Received.Count < reminders.Count)
            {
                return false;
            }

            foreach (var token in tokens)
            {
                if (await first.Store.GetAsync(token, CancellationToken.None) is not null)
                {
                    return false;
                }
            }

            return true;
        });

        Assert.Equal(reminders.Count, first.RemindersSent + second.RemindersSent);
        Assert.Equal(reminders.OrderBy(r => r.Id), first.Received.Concat(second.Received).Select(r => r.Message).OrderBy(r => r.Id));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still holds the file; the temp directory is cleaned eventually.
        }
    }

    private static async Task<IReadOnlyList<SchedulerHost.ReceivedReminder>> WaitForAsync(SchedulerHost host, int count)
    {
        await WaitUntilAsync(() => Task.FromResult(host.Received.Count >= count));
        return [.. host.Received];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Not so within {Deadline}.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
