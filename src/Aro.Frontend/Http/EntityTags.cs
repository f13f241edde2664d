using Microsoft.Extensions.Primitives;

namespace Aro.Frontend.Http;

/// <summary>
/// The value of an If-Match or If-None-Match header: "*" or a list of entity tags. Lenient about quotes, because
/// some clients send back an ETag without them; every ETag this RP hands out is strong and quoted.
/// </summary>
internal sealed class EntityTags
{
    private readonly List<(string Tag, bool Weak)> _tags;
    private readonly string _text;

    private EntityTags(bool any, List<(string Tag, bool Weak)> tags, string text)
    {
        Any = any;
        _tags = tags;
        _text = text;
    }

    public bool Any { get; }

    /// <summary>
    /// Null when the header is absent. A header sent empty is an empty list (RFC 9110's <c>#entity-tag</c> allows
    /// it), which no ETag matches: an empty If-Match fails, it is never taken for no condition at all.
    /// </summary>
    public static EntityTags? Parse(StringValues header)
    {
        if (header.Count == 0)
        {
            return null;
        }

        var any = false;
        var tags = new List<(string, bool)>();
        foreach (var value in header.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (value == "*")
            {
                any = true;
                continue;
            }

            var weak = value.StartsWith("W/", StringComparison.Ordinal);
            var tag = weak ? value[2..] : value;
            tags.Add((tag.StartsWith('"') && tag.EndsWith('"') && tag.Length > 1 ? tag : $"\"{tag}\"", weak));
        }

        return new EntityTags(any, tags, string.Join(", ", header.ToArray()));
    }

    /// <summary>If-Match compares strongly: a weak tag never matches.</summary>
    public bool ContainsStrong(string etag) => _tags.Any(t => !t.Weak && t.Tag == etag);

    /// <summary>If-None-Match compares weakly: the opaque tags alone.</summary>
    public bool ContainsWeak(string etag) => _tags.Any(t => t.Tag == etag);

    public override string ToString() => _text;
}
