using Aro.Messaging.ServiceBus.Headers;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Tests.Headers;

public sealed class ServiceBusHeaderMappingTests
{
    private static readonly Guid MessageId = Guid.Parse("6f1c2f3e-0b7a-4c1e-9d2a-3b4c5d6e7f80");
    private static readonly Guid CorrelationId = Guid.Parse("11111111-2222-3333-4444-555555555555");

    [Fact]
    public void Ids_and_content_type_become_the_native_properties()
    {
        var message = ServiceBusHeaderMapping.ToServiceBusMessage(
            BinaryData.FromString("{}"),
            new OutgoingMessageProperties { MessageId = MessageId, CorrelationId = CorrelationId, ContentType = "application/vnd.masstransit+json", Subject = "urn:message:Aro:X" },
            []);

        Assert.Equal(MessageId.ToString(), message.MessageId);
        Assert.Equal(CorrelationId.ToString(), message.CorrelationId);
        Assert.Equal("application/vnd.masstransit+json", message.ContentType);
        Assert.Equal("urn:message:Aro:X", message.Subject);
    }

    [Fact]
    public void Headers_round_trip_through_the_application_properties()
    {
        var headers = new Dictionary<string, object?>
        {
            ["MT-Redelivery-Count"] = 2,
            ["MT-Fault-Message"] = "boom",
            ["MT-Source-Address"] = new Uri("sb://localhost/validate-network"),
            ["Aro-Operation-Id"] = Guid.Empty,
            ["dropped"] = null,
        };
        var sent = ServiceBusHeaderMapping.ToServiceBusMessage(BinaryData.FromString("{}"), new OutgoingMessageProperties { MessageId = MessageId }, headers);

        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body,
            messageId: sent.MessageId,
            properties: sent.ApplicationProperties);
        var read = ServiceBusHeaderMapping.ReadHeaders(received);

        Assert.Equal(2, read["MT-Redelivery-Count"]);
        Assert.Equal("boom", read["mt-fault-message"]);
        Assert.Equal("sb://localhost/validate-network", read["MT-Source-Address"]);
        Assert.Equal(Guid.Empty, read["Aro-Operation-Id"]);
        Assert.False(read.ContainsKey("dropped"));
        Assert.Equal(MessageId, ServiceBusHeaderMapping.ReadMessageId(received));
    }

    [Fact]
    public void Values_AMQP_cannot_carry_travel_as_json()
    {
        var value = ServiceBusHeaderMapping.ToPropertyValue(new { Host = "rp-1", Pid = 42 });

        Assert.Equal("{\"Host\":\"rp-1\",\"Pid\":42}", value);
        Assert.Equal("Utc", ServiceBusHeaderMapping.ToPropertyValue(DateTimeKind.Utc));
    }

    [Fact]
    public void A_native_id_that_is_not_a_guid_is_not_a_MassTransit_id()
    {
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(messageId: "sent-by-someone-else", correlationId: null);

        Assert.Null(ServiceBusHeaderMapping.ReadMessageId(received));
        Assert.Null(ServiceBusHeaderMapping.ReadCorrelationId(received));
    }
}
