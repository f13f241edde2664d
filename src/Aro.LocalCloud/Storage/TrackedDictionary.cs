using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Aro.LocalCloud.Storage;

/// <summary>
/// A string-keyed dictionary that, while a store write is tracking it, remembers every key the write
/// reached by key (indexer, TryGetValue, GetValueOrDefault, TryAdd, Add, Remove), so the store journals
/// just those entries instead of rewriting the whole state. A value reached by key may be changed in place
/// afterwards: the journal takes the entry as it stands when the write ends. Values reached only by
/// enumerating must be looked up by key before they are changed (<see cref="Touch"/> does it explicitly).
/// It also keeps its keys in ordinal order, so the keys under a prefix (a resource's children) are found
/// without looking at every key (<see cref="KeysStartingWith"/>).
/// </summary>
internal class TrackedDictionary<TValue> : IDictionary<string, TValue>, IReadOnlyDictionary<string, TValue>, IJournaledCollection
{
    private readonly Dictionary<string, TValue> _items = new(StringComparer.Ordinal);
    private readonly Func<string, string?>? _groupOf;
    private readonly Dictionary<string, HashSet<string>> _groups = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _ordered = new(StringComparer.Ordinal);
    private HashSet<string>? _touched;

    public TrackedDictionary()
    {
    }

    /// <param name="groupOf">
    /// The group a key belongs to (null: none). The dictionary keeps the keys of each group, so <see cref="InGroup"/>
    /// finds them without looking at every entry.
    /// </param>
    protected TrackedDictionary(Func<string, string?> groupOf) => _groupOf = groupOf;

    public int Count => _items.Count;

    public Dictionary<string, TValue>.KeyCollection Keys => _items.Keys;

    public Dictionary<string, TValue>.ValueCollection Values => _items.Values;

    ICollection<string> IDictionary<string, TValue>.Keys => _items.Keys;

    ICollection<TValue> IDictionary<string, TValue>.Values => _items.Values;

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => _items.Keys;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => _items.Values;

    bool ICollection<KeyValuePair<string, TValue>>.IsReadOnly => false;

    bool IJournaledCollection.HasChanges => _touched is { Count: > 0 };

    public TValue this[string key]
    {
        get
        {
            Touch(key);
            return _items[key];
        }
        set
        {
            Touch(key);
            Set(key, value);
        }
    }

    /// <summary>
    /// The entries whose keys are in <paramref name="group"/>, as they are now (a copy: the caller may change the
    /// dictionary meanwhile). Like enumerating, reading them marks nothing as changed.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, TValue>> InGroup(string group) =>
        _groups.TryGetValue(group, out var keys)
            ? [.. keys.Select(key => new KeyValuePair<string, TValue>(key, _items[key]))]
            : [];

    /// <summary>
    /// The keys that start with <paramref name="prefix"/>, in ordinal order (a copy), read from the ordered keys rather
    /// than by looking at every key. Like enumerating, reading them marks nothing as changed.
    /// </summary>
    public IReadOnlyList<string> KeysStartingWith(string prefix)
    {
        if (_ordered.Count == 0 || string.CompareOrdinal(prefix, _ordered.Max) > 0)
        {
            return [];
        }

        // In ordinal order the keys that start with the prefix come together, from the prefix on.
        return [.. _ordered.GetViewBetween(prefix, _ordered.Max).TakeWhile(key => key.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>The entries whose keys start with <paramref name="prefix"/>, in ordinal order of their keys (a copy); marks nothing as changed.</summary>
    public IReadOnlyList<KeyValuePair<string, TValue>> EntriesStartingWith(string prefix) =>
        [.. KeysStartingWith(prefix).Select(key => new KeyValuePair<string, TValue>(key, _items[key]))];

    /// <summary>Marks an entry as changed by the current write (no-op outside writes).</summary>
    public void Touch(string key) => _touched?.Add(key);

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        Touch(key);
        return _items.TryGetValue(key, out value);
    }

    public TValue? GetValueOrDefault(string key) => TryGetValue(key, out var value) ? value : default;

    public bool TryAdd(string key, TValue value)
    {
        Touch(key);
        if (!_items.TryAdd(key, value))
        {
            return false;
        }

        Index(key);
        return true;
    }

    public void Add(string key, TValue value)
    {
        Touch(key);
        _items.Add(key, value);
        Index(key);
    }

    public bool Remove(string key)
    {
        Touch(key);
        if (!_items.Remove(key))
        {
            return false;
        }

        Unindex(key);
        return true;
    }

    public void Clear()
    {
        foreach (var key in _items.Keys)
        {
            Touch(key);
        }

        _items.Clear();
        _groups.Clear();
        _ordered.Clear();
    }

    public Dictionary<string, TValue>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    void ICollection<KeyValuePair<string, TValue>>.Add(KeyValuePair<string, TValue> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, TValue>>.Contains(KeyValuePair<string, TValue> item) => ((ICollection<KeyValuePair<string, TValue>>)_items).Contains(item);

    void ICollection<KeyValuePair<string, TValue>>.CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, TValue>>)_items).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, TValue>>.Remove(KeyValuePair<string, TValue> item)
    {
        Touch(item.Key);
        if (!((ICollection<KeyValuePair<string, TValue>>)_items).Remove(item))
        {
            return false;
        }

        Unindex(item.Key);
        return true;
    }

    void IJournaledCollection.BeginTracking() => _touched = new HashSet<string>(StringComparer.Ordinal);

    void IJournaledCollection.WriteChanges(Utf8JsonWriter writer, string collection, JsonSerializerOptions options)
    {
        foreach (var key in _touched ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString(JournalEntry.Collection, collection);
            writer.WriteString(JournalEntry.Key, key);
            if (_items.TryGetValue(key, out var value))
            {
                writer.WritePropertyName(JournalEntry.Value);
                JsonSerializer.Serialize(writer, value, options);
            }

            writer.WriteEndObject();
        }
    }

    void IJournaledCollection.EndTracking() => _touched = null;

    void IJournaledCollection.Replay(string key, JsonElement? value, JsonSerializerOptions options)
    {
        if (value is { } present)
        {
            Set(key, present.Deserialize<TValue>(options)!);
        }
        else if (_items.Remove(key))
        {
            Unindex(key);
        }
    }

    /// <summary>Stores the value; only a new key is grouped, so replacing an entry (most writes) costs no grouping.</summary>
    private void Set(string key, TValue value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, key, out var existed);
        slot = value;
        if (!existed)
        {
            Index(key);
        }
    }

    private void Index(string key)
    {
        _ordered.Add(key);
        if (_groupOf?.Invoke(key) is { } group)
        {
            if (!_groups.TryGetValue(group, out var keys))
            {
                _groups[group] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(key);
        }
    }

    private void Unindex(string key)
    {
        _ordered.Remove(key);
        if (_groupOf?.Invoke(key) is { } group && _groups.TryGetValue(group, out var keys))
        {
            keys.Remove(key);
        }
    }
}
