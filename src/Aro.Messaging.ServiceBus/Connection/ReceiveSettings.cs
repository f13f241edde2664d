using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Connection;

/// <summary>
/// How an endpoint's processor receives: peek-lock, settled by the transport (complete on success, abandon on a
/// transport failure, dead-letter on a fault) rather than by the SDK, with prefetch, concurrency and lock renewal
/// from the settings, so a long step keeps its message locked instead of being delivered twice.
/// </summary>
public static class ReceiveSettings
{
    public static ServiceBusProcessorOptions ProcessorOptions(ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ServiceBusProcessorOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            AutoCompleteMessages = false,
            PrefetchCount = options.PrefetchCount,
            MaxConcurrentCalls = options.ConcurrentMessageLimit,
            MaxAutoLockRenewalDuration = options.MaxAutoLockRenewalDuration,
        };
    }
}
