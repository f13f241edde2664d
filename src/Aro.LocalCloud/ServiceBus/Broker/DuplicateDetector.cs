namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>Remembers message ids for the entity's window; a second send of the same id inside it is accepted and dropped.</summary>
public sealed class DuplicateDetector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTime> _seen = new(StringComparer.Ordinal);

    // Every id in the order it was recorded, so the ones whose window has passed are forgotten from the front, a few at a
    // time on each send, instead of by a scan of everything remembered (which made each send cost as much as the window
    // held once it passed ten thousand ids).
    private readonly Queue<(string MessageId, DateTime SeenAt)> _byAge = new();

    /// <summary>How many ids are remembered now.</summary>
    internal int Remembered
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True when the id was already seen within <paramref name="window"/>; records it otherwise.</summary>
    public bool IsDuplicate(string messageId, TimeSpan window, DateTime now)
    {
        lock (_gate)
        {
            ForgetOlderThan(now - window);
            if (_seen.TryGetValue(messageId, out var seenAt) && now - seenAt < window)
            {
                return true;
            }

            _seen[messageId] = now;
            _byAge.Enqueue((messageId, now));
            return false;
        }
    }

    private void ForgetOlderThan(DateTime oldestKept)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.SeenAt <= oldestKept)
        {
            _byAge.Dequeue();
            // Only an id's latest record counts: should the clock go back, an id can be recorded again while its older
            // record still waits in the queue behind a newer one.
            if (_seen.TryGetValue(oldest.MessageId, out var seenAt) && seenAt == oldest.SeenAt)
            {
                _seen.Remove(oldest.MessageId);
            }
        }
    }
}
