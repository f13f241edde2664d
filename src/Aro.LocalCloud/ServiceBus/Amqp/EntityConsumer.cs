using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// A receiver's link out of a queue, subscription or dead-letter queue. Peek-lock deliveries carry the lock
/// token as delivery tag (what the SDK reads); the receiver's disposition settles the message in the store.
/// </summary>
internal sealed class EntityConsumer : IMessageConsumer
{
    private readonly SendingAmqpLink _link;
    private readonly MessageStore _store;
    private readonly ServiceBusFaults _faults;

    public EntityConsumer(SendingAmqpLink link, MessageStore store, ServiceBusFaults faults)
    {
        _link = link;
        _store = store;
        _faults = faults;
        ReceiveAndDelete = link.Settings.SettleType == SettleMode.SettleOnSend;
        link.RegisterCreditListener(OnCredit);
        link.RegisterDispositionListener(OnDisposition);
        link.SafeAddClosed((_, _) => _store.Detach(this));
        store.Attach(this);
    }

    public bool ReceiveAndDelete { get; }

    public int Credit { get; set; }

    public void Deliver(BrokeredMessage message)
    {
        var delivery = AmqpMessageCodec.ToDelivery(message, locked: !ReceiveAndDelete);
        var tag = (ReceiveAndDelete ? Guid.NewGuid() : message.LockToken).ToByteArray();
        try
        {
            _link.SendMessageNoWait(delivery, new ArraySegment<byte>(tag), AmqpConstants.NullBinary);
        }
        catch (Exception)
        {
            // The link closed under us; Detach returns its locked messages to the store.
        }
    }

    private async void OnCredit(uint credit, bool drain, ArraySegment<byte> transactionId)
    {
        try
        {
            await GrantAsync(credit, drain);
        }
        catch (Exception exception)
        {
            _link.SafeClose(exception);
        }
    }

    private async Task GrantAsync(uint credit, bool drain)
    {
        if (await _faults.ApplyAsync(ServiceBusFaults.Receive) is { } fault)
        {
            _link.SafeClose(new AmqpException(fault));
            return;
        }

        _store.AddCredit(this, credit > int.MaxValue ? int.MaxValue : (int)credit, drain);
    }

    private async void OnDisposition(Delivery delivery)
    {
        try
        {
            await SettleAsync(delivery);
        }
        catch (Exception exception)
        {
            // A broken disposition must never take the broker down; the receiver sees its link close.
            _link.SafeClose(exception);
        }
    }

    private async Task SettleAsync(Delivery delivery)
    {
        Outcome outcome;
        if (await _faults.ApplyAsync(ServiceBusFaults.Settle) is { } fault)
        {
            outcome = new Rejected { Error = fault };
        }
        else
        {
            var lockToken = new Guid(delivery.DeliveryTag.AsSpan());
            var result = Settle(lockToken, delivery.State);
            outcome = result == SettlementOutcome.Settled
                ? AmqpConstants.AcceptedOutcome
                : new Rejected { Error = AmqpErrors.Error(AmqpErrors.MessageLockLost, "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.") };
        }

        if (!delivery.Settled)
        {
            try
            {
                _link.DisposeDelivery(delivery, true, outcome);
            }
            catch (Exception)
            {
                // The receiver went away; its locks expire or return on detach.
            }
        }
    }

    private SettlementOutcome Settle(Guid lockToken, DeliveryState? state)
    {
        switch (state)
        {
            case Accepted:
                return _store.Complete(lockToken);
            case Rejected rejected:
                var info = Properties(rejected.Error?.Info);
                info.Remove(MessageStore.DeadLetterReasonProperty, out var reason);
                info.Remove(MessageStore.DeadLetterDescriptionProperty, out var description);
                return _store.DeadLetter(lockToken, reason as string, description as string, info);
            case Modified { UndeliverableHere: true } modified:
                return _store.Defer(lockToken, Properties(modified.MessageAnnotations));
            case Modified modified:
                return _store.Abandon(lockToken, Properties(modified.MessageAnnotations));
            default:
                return _store.Abandon(lockToken, null);
        }
    }

    private static Dictionary<string, object> Properties(Fields? fields)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (fields is not null)
        {
            foreach (var pair in fields)
            {
                if (pair.Value is not null)
                {
                    properties[pair.Key.ToString()] = pair.Value;
                }
            }
        }

        return properties;
    }
}
