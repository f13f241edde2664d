using Aro.Persistence.Scheduling;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;

namespace Aro.Messaging.Scheduling;

/// <summary>
/// Sends the stored scheduled messages that are due, from every backend at once: each message is claimed with its
/// ETag before it is sent and removed (again on the ETag) after, so of two backends only one sends it. A backend
/// that dies between claiming and removing leaves the message to be sent again once the claim lapses: at least
/// once, which the saga tolerates (a timeout of an older attempt is ignored).
/// </summary>
internal sealed partial class ScheduledMessageDelivery(
    IScheduledMessageStore store,
    IBus bus,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    ILogger<ScheduledMessageDelivery> logger) : BackgroundService
{
    private readonly StoredMessageSchedulerOptions _options = options.Value.Scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, timeProvider);
        do
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch: more may be due already.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store or broker outage: the claims lapse and the next sweep tries again.
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now and not claimed by another backend; returns how many messages were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await store.ListDueAsync(now, _options.BatchSize, cancellationToken);
        foreach (var message in due)
        {
            var claimed = await store.TryClaimAsync(message, now + _options.ClaimTimeout, cancellationToken);
            if (claimed is null)
            {
                // Another backend has it, or it was cancelled or rescheduled since it was listed.
                continue;
            }

            var endpoint = await bus.GetSendEndpoint(claimed.Destination);
            await endpoint.Send(new SerializedMessageBody(), new ScheduledMessageForwardPipe(claimed), cancellationToken);
            await store.TryCompleteAsync(claimed, cancellationToken);
            LogDelivered(logger, string.Join(", ", claimed.MessageTypes), claimed.Destination, claimed.TokenId);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent scheduled {MessageType} to {Destination} (token {TokenId})")]
    private static partial void LogDelivered(ILogger logger, string messageType, Uri destination, Guid tokenId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending due scheduled messages failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
