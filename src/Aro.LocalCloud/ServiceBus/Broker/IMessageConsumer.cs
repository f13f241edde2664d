namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>A receiver attached to a <see cref="MessageStore"/>: the store hands it messages while it has credit.</summary>
public interface IMessageConsumer
{
    /// <summary>True for receive-and-delete: a message handed over is gone from the store.</summary>
    bool ReceiveAndDelete { get; }

    /// <summary>Messages it may still be handed; read and written only under the store's lock.</summary>
    int Credit { get; set; }

    /// <summary>Called outside the store's lock with a snapshot of the message (locked to this consumer unless receive-and-delete).</summary>
    void Deliver(BrokeredMessage message);
}
