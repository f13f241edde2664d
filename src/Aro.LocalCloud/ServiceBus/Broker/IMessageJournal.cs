namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>Where a store records what must survive a restart: messages written or changed, and messages gone.</summary>
public interface IMessageJournal
{
    void Put(string storePath, BrokeredMessage message);

    void Remove(string storePath, long sequenceNumber);
}
