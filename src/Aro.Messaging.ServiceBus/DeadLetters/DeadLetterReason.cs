namespace Aro.Messaging.ServiceBus.DeadLetters;

/// <summary>
/// What a faulted message carries into the native dead-letter queue: the reason (the exception type, short,
/// as the portal lists it) and the description (the message and the stack), cut to what the broker keeps
/// in one property so a long stack never makes the dead-lettering itself fail.
/// </summary>
public sealed record DeadLetterReason(string Reason, string Description)
{
    /// <summary>Set by the broker itself when the delivery count passed MaxDeliveryCount.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    /// <summary>Keeps the two properties well under the broker's header budget (64 KB for all properties).</summary>
    public const int MaxReasonLength = 256;

    public const int MaxDescriptionLength = 4096;

    public static DeadLetterReason FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var innermost = exception;
        while (innermost is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            innermost = aggregate.InnerExceptions[0];
        }

        var reason = innermost.GetType().FullName ?? innermost.GetType().Name;
        var description = innermost.Message + (innermost.StackTrace is { } stack ? Environment.NewLine + stack : string.Empty);
        return new DeadLetterReason(Cut(reason, MaxReasonLength), Cut(description, MaxDescriptionLength));
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
