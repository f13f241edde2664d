using System.Net.Mime;
using System.Text.Json;
using Aro.Persistence.Scheduling;
using MassTransit;
using MassTransit.Serialization;

namespace Aro.Messaging.Scheduling;

/// <summary>Sends a stored envelope as it was scheduled: its body, message id, conversation and headers.</summary>
internal sealed class ScheduledMessageForwardPipe(ScheduledMessageEntry message) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        var deserializer = context.Serialization.GetMessageDeserializer(new ContentType(message.ContentType));
        var envelope = deserializer.Deserialize(deserializer.GetMessageBody(message.Body), EmptyHeaders.Instance, message.Destination);

        context.MessageId = message.MessageId ?? envelope.MessageId ?? context.MessageId;
        context.CorrelationId = envelope.CorrelationId;
        context.ConversationId = envelope.ConversationId;
        context.InitiatorId = envelope.InitiatorId;
        context.RequestId = envelope.RequestId;
        context.SourceAddress = envelope.SourceAddress;
        context.ResponseAddress = envelope.ResponseAddress;
        context.FaultAddress = envelope.FaultAddress;
        if (message.HeadersJson is not null)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(message.HeadersJson) ?? [])
            {
                context.Headers.Set(name, HeaderValue(value));
            }
        }

        context.Serializer = envelope.GetMessageSerializer();
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("scheduledMessageForward");

    private static object? HeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
