namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>Remembers message ids for the entity's window; a second send of the same id inside it is accepted and dropped.</summary>
public sealed class DuplicateDetector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTime> _seen = new(StringComparer.Ordinal);

    /// <summary>True when the id was already seen within <paramref name="window"/>; records it otherwise.</summary>
    public bool IsDuplicate(string messageId, TimeSpan window, DateTime now)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(messageId, out var seenAt) && now - seenAt < window)
            {
                return true;
            }

            _seen[messageId] = now;
            if (_seen.Count > 10_000)
            {
                foreach (var stale in _seen.Where(s => now - s.Value >= window).Select(s => s.Key).ToList())
                {
                    _seen.Remove(stale);
                }
            }

            return false;
        }
    }
}
