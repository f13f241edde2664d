using Aro.Messaging.ServiceBus.Scheduling;

namespace Aro.Messaging.ServiceBus.Tests.Scheduling;

public sealed class ScheduledMessageTokenTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(123_456_789_012L)]
    [InlineData(long.MaxValue)]
    public void A_sequence_number_survives_the_round_trip_through_the_token(long sequenceNumber)
    {
        var token = ScheduledMessageToken.FromSequenceNumber(sequenceNumber);

        Assert.True(ScheduledMessageToken.TryGetSequenceNumber(token, out var decoded));
        Assert.Equal(sequenceNumber, decoded);
    }

    [Fact]
    public void A_token_made_elsewhere_names_no_sequence_number()
    {
        Assert.False(ScheduledMessageToken.TryGetSequenceNumber(Guid.NewGuid(), out _));
    }

    [Fact]
    public void Different_sequence_numbers_give_different_tokens()
    {
        Assert.NotEqual(ScheduledMessageToken.FromSequenceNumber(41), ScheduledMessageToken.FromSequenceNumber(42));
    }
}
