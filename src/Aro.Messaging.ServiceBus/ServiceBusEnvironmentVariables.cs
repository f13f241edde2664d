namespace Aro.Messaging.ServiceBus;

/// <summary>The environment variables operators set for the Service Bus transport, and the settings they map to.</summary>
public static class ServiceBusEnvironmentVariables
{
    public const string Namespace = "ARO_SERVICEBUS_NAMESPACE";

    public const string ConnectionString = "ARO_SERVICEBUS_CONNECTION_STRING";

    public const string AdministrationConnectionString = "ARO_SERVICEBUS_ADMINISTRATION_CONNECTION_STRING";

    public const string CreateTopology = "ARO_SERVICEBUS_CREATE_TOPOLOGY";

    public const string PrefetchCount = "ARO_SERVICEBUS_PREFETCH_COUNT";

    public const string ConcurrentMessageLimit = "ARO_SERVICEBUS_CONCURRENT_MESSAGE_LIMIT";

    public const string SendBatchLimit = "ARO_SERVICEBUS_SEND_BATCH_LIMIT";

    /// <summary>Environment variable → configuration key, in the form the host's environment mapping takes.</summary>
    public static IReadOnlyDictionary<string, string> ConfigurationKeys { get; } = new Dictionary<string, string>
    {
        [Namespace] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.Namespace),
        [ConnectionString] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.ConnectionString),
        [AdministrationConnectionString] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.AdministrationConnectionString),
        [CreateTopology] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.CreateTopology),
        [PrefetchCount] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.PrefetchCount),
        [ConcurrentMessageLimit] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.ConcurrentMessageLimit),
        [SendBatchLimit] = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.SendBatchLimit),
    };
}
