using System.Collections.Concurrent;
using MassTransit;

namespace Aro.Messaging.InMemory;

/// <summary>
/// Holds each message scheduled in this process until it is due, and forgets it the moment it is cancelled.
/// MassTransit's delayed scheduler on the in-memory transport cannot cancel (its CancelScheduledSend does
/// nothing), so every step timeout a saga unscheduled stayed pending until it fired and was ignored: with
/// 1,000 sagas, 3,000 live timers (issue 16, item 4). Nothing here survives the process, like the bus itself.
/// </summary>
public sealed partial class InMemoryMessageScheduler(TimeProvider timeProvider, ILogger<InMemoryMessageScheduler> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ITimer> _pending = new();

    /// <summary>Messages scheduled and neither sent nor cancelled yet.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Sends <paramref name="message"/> through <paramref name="sendEndpoints"/> at <paramref name="scheduledTime"/>, replacing any message scheduled with the same token.</summary>
    internal void Schedule<T>(Guid tokenId, DateTime scheduledTime, Uri destination, T message, IPipe<SendContext<T>> pipe, ISendEndpointProvider sendEndpoints)
        where T : class
    {
        var due = DateTime.SpecifyKind(scheduledTime.Kind == DateTimeKind.Local ? scheduledTime.ToUniversalTime() : scheduledTime, DateTimeKind.Utc);
        var delay = due - timeProvider.GetUtcNow().UtcDateTime;
        ITimer? timer = null;
        timer = timeProvider.CreateTimer(
            _ => _ = SendIfStillPendingAsync(tokenId, timer!, async () =>
            {
                var endpoint = await sendEndpoints.GetSendEndpoint(destination);
                await endpoint.Send(message, pipe);
            }),
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);

        _pending.AddOrUpdate(tokenId, timer, (_, replaced) =>
        {
            replaced.Dispose();
            return timer;
        });
        // Armed only once registered, so a message due at once finds itself pending.
        timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Forgets the message with that token; false when there is none (sent already, or never scheduled).</summary>
    public bool Cancel(Guid tokenId)
    {
        if (!_pending.TryRemove(tokenId, out var timer))
        {
            return false;
        }

        timer.Dispose();
        return true;
    }

    public void Dispose()
    {
        foreach (var tokenId in _pending.Keys)
        {
            Cancel(tokenId);
        }
    }

    private async Task SendIfStillPendingAsync(Guid tokenId, ITimer timer, Func<Task> send)
    {
        // A cancel or a replacement that raced the timer wins: only the timer still registered sends.
        if (!_pending.TryRemove(KeyValuePair.Create(tokenId, timer)))
        {
            return;
        }

        timer.Dispose();
        try
        {
            await send();
        }
        catch (Exception ex)
        {
            // The bus is stopping; a saga re-arms its timeouts when the reconciler repeats its request.
            LogSendFailed(logger, ex, tokenId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the scheduled message with token {TokenId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid tokenId);
}
