namespace Aro.LocalCloud.ServiceBus.Broker;

public enum SettlementOutcome
{
    Settled,

    /// <summary>No message holds that lock any more (expired, settled, or never given).</summary>
    LockLost,
}
