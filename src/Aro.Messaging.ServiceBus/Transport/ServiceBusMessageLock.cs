using Azure.Messaging.ServiceBus;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// Settles one peek-locked message exactly once: complete when the pipeline finished (consumed, or moved to
/// the dead-letter queue already), abandon on a transport failure so the broker redelivers it and counts
/// the delivery, dead-letter on a fault. The processor renews the lock meanwhile.
/// </summary>
public sealed class ServiceBusMessageLock(ProcessMessageEventArgs args) : ReceiveLockContext
{
    private int _settled;

    public ServiceBusReceivedMessage Message => args.Message;

    public async Task Complete()
    {
        if (TrySettle())
        {
            await args.CompleteMessageAsync(args.Message, CancellationToken.None);
        }
    }

    public async Task Faulted(Exception exception)
    {
        if (!TrySettle())
        {
            return;
        }

        try
        {
            await args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None);
        }
        catch (ServiceBusException abandonFailed) when (abandonFailed.Reason is ServiceBusFailureReason.MessageLockLost or ServiceBusFailureReason.ServiceCommunicationProblem)
        {
            // The lock is gone with the connection; the broker redelivers the message when it expires.
        }
    }

    public Task ValidateLockStatus() =>
        args.Message.LockedUntil != default && args.Message.LockedUntil < DateTimeOffset.UtcNow.AddSeconds(-1) && Volatile.Read(ref _settled) == 0
            ? Task.FromException(new ServiceBusException("The message lock expired.", ServiceBusFailureReason.MessageLockLost))
            : Task.CompletedTask;

    /// <summary>Moves the message into its queue's dead-letter sub-queue with the reason shown in the portal.</summary>
    public async Task DeadLetterAsync(string reason, string description, IDictionary<string, object>? properties, CancellationToken cancellationToken)
    {
        if (TrySettle())
        {
            await args.DeadLetterMessageAsync(args.Message, properties ?? new Dictionary<string, object>(), reason, description, cancellationToken);
        }
    }

    private bool TrySettle() => Interlocked.Exchange(ref _settled, 1) == 0;
}
