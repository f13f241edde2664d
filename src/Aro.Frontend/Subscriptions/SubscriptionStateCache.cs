using System.Collections.Concurrent;
using Aro.Persistence.Documents;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Subscriptions;

/// <summary>
/// The subscription documents reads were last allowed by, kept for <see cref="FrontendOptions.SubscriptionStateCacheSeconds"/>
/// so that a burst of GETs reads the subscription once, not once per request. Only reads use it: ARM itself
/// propagates a subscription's state asynchronously, and every state but Deleted allows reads, so a read answered
/// a few seconds after a change elsewhere is what ARM's own fan-out allows; writes always read afresh.
/// </summary>
internal sealed class SubscriptionStateCache(IOptions<FrontendOptions> options, TimeProvider timeProvider)
{
    // Unknown subscription ids are cached too (a read there finds nothing), so a client asking for many could grow
    // the map; past this size, expired entries are swept out on the next store.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.SubscriptionStateCacheSeconds);
    private long _generation;

    /// <summary>Taken before reading the store; <see cref="Store"/> keeps the result only if nothing was invalidated since.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string key, out SubscriptionDocument? document)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > timeProvider.GetUtcNow())
        {
            document = entry.Document;
            return true;
        }

        document = null;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="document"/> (null: the subscription is unknown) unless a subscription changed on this
    /// process after <paramref name="generation"/> was taken: the document read may predate that change.
    /// </summary>
    public void Store(string key, SubscriptionDocument? document, long generation)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (_entries.Count > SweepAbove)
        {
            foreach (var (expiredKey, expired) in _entries)
            {
                if (expired.ExpiresAt <= now)
                {
                    _entries.TryRemove(expiredKey, out _);
                }
            }
        }

        _entries[key] = new Entry(document, now + _lifetime);
        // A change that raced this store removes the entry again, so it never outlives the invalidation.
        if (Generation != generation)
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets the subscription: its state just changed on this process.</summary>
    public void Invalidate(string key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    private sealed record Entry(SubscriptionDocument? Document, DateTimeOffset ExpiresAt);
}
