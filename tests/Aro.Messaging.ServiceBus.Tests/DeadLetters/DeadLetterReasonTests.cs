using Aro.Messaging.ServiceBus.DeadLetters;

namespace Aro.Messaging.ServiceBus.Tests.DeadLetters;

public sealed class DeadLetterReasonTests
{
    [Fact]
    public void The_reason_is_the_exception_type_and_the_description_its_message_and_stack()
    {
        var reason = DeadLetterReason.FromException(Thrown(new InvalidOperationException("subnet overlaps")));

        Assert.Equal("System.InvalidOperationException", reason.Reason);
        Assert.StartsWith("subnet overlaps" + Environment.NewLine, reason.Description);
        Assert.Contains(nameof(Thrown), reason.Description);
    }

    [Fact]
    public void A_single_aggregate_is_unwrapped()
    {
        var reason = DeadLetterReason.FromException(new AggregateException(new TimeoutException("slow")));

        Assert.Equal("System.TimeoutException", reason.Reason);
        Assert.Equal("slow", reason.Description);
    }

    [Fact]
    public void A_huge_message_is_cut_to_the_limit()
    {
        var reason = DeadLetterReason.FromException(new InvalidOperationException(new string('x', 20_000)));

        Assert.Equal(DeadLetterReason.MaxDescriptionLength, reason.Description.Length);
        Assert.EndsWith("…", reason.Description);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
