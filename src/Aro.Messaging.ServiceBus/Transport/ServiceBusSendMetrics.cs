using System.Diagnostics.Metrics;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// How well sends are batched (meter <see cref="MeterName"/>, histogram <see cref="MessagesPerSendName"/>): the messages
/// each send to the broker carried, by entity. Near 1 under light load; near the batch limit when an entity is busy.
/// </summary>
public static class ServiceBusSendMetrics
{
    public const string MeterName = "Aro.Messaging.ServiceBus";
    public const string MessagesPerSendName = "aro.servicebus.messages_per_send";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<int> MessagesPerSend = Meter.CreateHistogram<int>(
        MessagesPerSendName, unit: "{message}", description: "Messages carried by one send to a Service Bus queue or topic.");

    internal static void RecordSend(string entityPath, int messages) =>
        MessagesPerSend.Record(messages, new KeyValuePair<string, object?>("messaging.destination.name", entityPath));
}
