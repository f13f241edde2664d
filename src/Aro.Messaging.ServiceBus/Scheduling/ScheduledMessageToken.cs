namespace Aro.Messaging.ServiceBus.Scheduling;

/// <summary>
/// MassTransit identifies a scheduled message by a Guid token, the broker by the sequence number
/// ScheduleMessageAsync returns. The token carries the sequence number in its first eight bytes and a fixed
/// marker in the last eight, so CancelScheduledSend needs no lookup table that a restart would lose.
/// </summary>
public static class ScheduledMessageToken
{
    /// <summary>"AroSbSeq" in ASCII: tells our tokens from ones MassTransit made up itself.</summary>
    private static readonly byte[] Marker = "AroSbSeq"u8.ToArray();

    public static Guid FromSequenceNumber(long sequenceNumber)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[..8], sequenceNumber);
        Marker.CopyTo(bytes[8..]);
        return new Guid(bytes);
    }

    public static bool TryGetSequenceNumber(Guid token, out long sequenceNumber)
    {
        Span<byte> bytes = stackalloc byte[16];
        token.TryWriteBytes(bytes);
        if (!bytes[8..].SequenceEqual(Marker))
        {
            sequenceNumber = 0;
            return false;
        }

        sequenceNumber = BitConverter.ToInt64(bytes[..8]);
        return true;
    }
}
