namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>What the runtime properties report: active (incl. locked and deferred), dead-lettered, scheduled, and bytes held.</summary>
public readonly record struct MessageCounts(long Active, long DeadLetter, long Scheduled, long SizeInBytes)
{
    public long Total => Active + DeadLetter + Scheduled;

    public static MessageCounts operator +(MessageCounts a, MessageCounts b) =>
        new(a.Active + b.Active, a.DeadLetter + b.DeadLetter, a.Scheduled + b.Scheduled, a.SizeInBytes + b.SizeInBytes);
}
