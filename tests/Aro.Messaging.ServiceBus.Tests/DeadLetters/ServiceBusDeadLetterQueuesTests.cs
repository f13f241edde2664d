using Aro.Messaging.ServiceBus.DeadLetters;
using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus.Tests.DeadLetters;

public sealed class ServiceBusDeadLetterQueuesTests
{
    [Fact]
    public void A_dead_letter_is_described_from_its_native_properties()
    {
        var enqueued = new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
            messageId: "m-1",
            properties: new Dictionary<string, object>
            {
                ["MT-MessageType"] = "urn:message:Aro.Contracts:ValidateNetwork",
                ["DeadLetterReason"] = "System.InvalidOperationException",
                ["DeadLetterErrorDescription"] = "subnet overlaps\n   at Somewhere()",
            },
            enqueuedTime: enqueued,
            sequenceNumber: 7);

        var deadLetter = ServiceBusDeadLetterQueues.Describe("validate-network", message);

        Assert.Equal("validate-network/$DeadLetterQueue", deadLetter.Queue);
        Assert.Equal("validate-network", deadLetter.OriginalQueue);
        Assert.Equal("m-1", deadLetter.MessageId);
        Assert.Equal("urn:message:Aro.Contracts:ValidateNetwork", deadLetter.MessageType);
        Assert.Equal("System.InvalidOperationException: subnet overlaps", deadLetter.FaultReason);
        Assert.Equal(enqueued, deadLetter.FaultedAt);
    }
}
