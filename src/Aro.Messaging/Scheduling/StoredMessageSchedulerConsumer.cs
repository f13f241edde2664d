using System.Text.Json;
using Aro.Persistence.Scheduling;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace Aro.Messaging.Scheduling;

/// <summary>
/// The scheduler endpoint: MassTransit's scheduler client (a saga's Schedule/Unschedule) sends ScheduleMessage and
/// CancelScheduledMessage here, and this keeps them in the store, where <see cref="ScheduledMessageDelivery"/> finds
/// them when they are due. The payload is kept as the envelope it will be sent as, so any message type works.
/// </summary>
internal sealed class StoredMessageSchedulerConsumer(IScheduledMessageStore store) : IConsumer<ScheduleMessage>, IConsumer<CancelScheduledMessage>
{
    public async Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var schedule = context.Message;
        // An envelope for the payload alone, carrying the ids of the message that scheduled it, as if sent directly.
        var serializer = context.SerializerContext.GetMessageSerializer(schedule.Payload, schedule.PayloadType);
        var body = serializer.GetMessageBody(new MessageSendContext<ScheduleMessage>(schedule, context.CancellationToken));
        var headers = context.Headers.GetAll().ToDictionary(header => header.Key, header => header.Value);

        await store.ScheduleAsync(
            new ScheduledMessageEntry(
                schedule.CorrelationId,
                schedule.Destination,
                new DateTimeOffset(DateTime.SpecifyKind(schedule.ScheduledTime.ToUniversalTime(), DateTimeKind.Utc)),
                serializer.ContentType.ToString(),
                body.GetString(),
                schedule.PayloadType,
                context.MessageId,
                headers.Count == 0 ? null : JsonSerializer.Serialize(headers)),
            context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CancelScheduledMessage> context) =>
        await store.CancelAsync(context.Message.TokenId, context.CancellationToken);
}
