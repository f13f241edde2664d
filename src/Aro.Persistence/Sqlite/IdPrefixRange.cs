using System.Text;

namespace Aro.Persistence.Sqlite;

/// <summary>
/// Turns "id starts with P" into the index-friendly range <c>P &lt;= id &lt; UpperBound(P)</c>. SQLite compares
/// TEXT byte-wise in UTF-8, which is code-point order, so the bound is P with its last code point incremented
/// (after dropping trailing U+10FFFF). Unlike LIKE it has no wildcards to escape and is case-sensitive.
/// </summary>
internal static class IdPrefixRange
{
    /// <summary>The least string greater than every string starting with <paramref name="prefix"/>; null when none exists.</summary>
    public static string? UpperBound(string prefix)
    {
        // Every list asks for one, and its prefix ends in '/': a last character outside the surrogates and short of the
        // last code unit is incremented in place.
        if (prefix.Length > 0 && prefix[^1] is var last && (last < '\uD7FF' || last is >= '\uE000' and < '\uFFFF'))
        {
            return string.Create(prefix.Length, prefix, static (span, source) =>
            {
                source.AsSpan().CopyTo(span);
                span[^1]++;
            });
        }

        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0 && runes[^1] == new Rune(0x10FFFF))
        {
            runes.RemoveAt(runes.Count - 1);
        }

        if (runes.Count == 0)
        {
            return null;
        }

        var next = runes[^1].Value + 1;
        // Surrogate code points are not characters (and cannot be encoded in UTF-8): skip over them.
        runes[^1] = new Rune(next == 0xD800 ? 0xE000 : next);

        var builder = new StringBuilder(prefix.Length + 1);
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
