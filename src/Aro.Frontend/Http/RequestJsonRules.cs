using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Aro.Api;

namespace Aro.Frontend.Http;

/// <summary>
/// What every ARM request body must be beyond well-formed JSON, checked once, before anything reads it:
/// valid UTF-8; no string (value or member name) with an escaped unpaired surrogate, which cannot become a .NET
/// string; no member named twice in one object, compared ignoring case as the RP reads names (ARM rejects duplicate
/// keys as invalid JSON, and "last one wins" would make PUT and PATCH disagree); no <c>null</c> as an array element
/// (every array in these APIs holds objects or strings). A breach is 400 InvalidRequestContent with the JSON path
/// as target.
/// </summary>
internal static class RequestJsonRules
{
    /// <exception cref="CloudError">The first rule the body breaks.</exception>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    public static void Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            throw Invalid(null, "the request body is not valid UTF-8");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var scopes = new Stack<Scope>();
        string? pendingName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var scope = scopes.Peek();
                    pendingName = ReadString(ref reader, PathOf(scopes, "<member name>"));
                    if (!scope.Names!.Add(pendingName))
                    {
                        throw Invalid(PathOf(scopes, pendingName), $"the member '{pendingName}' is given more than once");
                    }

                    break;
                case JsonTokenType.StartObject:
                    Enter(scopes, ref pendingName, isObject: true);
                    break;
                case JsonTokenType.StartArray:
                    Enter(scopes, ref pendingName, isObject: false);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                case JsonTokenType.String:
                    ReadString(ref reader, PathOf(scopes, Next(scopes, ref pendingName)));
                    break;
                case JsonTokenType.Null when scopes.TryPeek(out var parent) && parent.Names is null:
                    throw Invalid(PathOf(scopes, Next(scopes, ref pendingName)), "null is not allowed as an array element");
                default:
                    Next(scopes, ref pendingName);
                    break;
            }
        }
    }

    private static void Enter(Stack<Scope> scopes, ref string? pendingName, bool isObject)
    {
        var segment = scopes.Count == 0 ? null : Next(scopes, ref pendingName);
        scopes.Push(new Scope(segment, isObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null));
    }

    // The path segment of the value being read: the member name just read, or the array element's index.
    private static string? Next(Stack<Scope> scopes, ref string? pendingName)
    {
        if (!scopes.TryPeek(out var scope))
        {
            return null;
        }

        if (scope.Names is not null)
        {
            var name = pendingName;
            pendingName = null;
            return name;
        }

        return $"[{scope.NextIndex++}]";
    }

    private static string ReadString(ref Utf8JsonReader reader, string? path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Invalid(path, "a string contains an unpaired surrogate escape");
        }
    }

    private static string? PathOf(Stack<Scope> scopes, string? last)
    {
        var path = new StringBuilder();
        foreach (var segment in scopes.Reverse().Select(s => s.Segment).Append(last))
        {
            if (segment is null)
            {
                continue;
            }

            if (path.Length > 0 && segment[0] != '[')
            {
                path.Append('.');
            }

            path.Append(segment);
        }

        return path.Length == 0 ? null : path.ToString();
    }

    private static CloudError Invalid(string? target, string reason) =>
        CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, target,
            $"The request content was invalid and could not be deserialized: {JsonSerializer.Serialize(reason + (target is null ? "" : $" at '{target}'"))}.");

    private sealed class Scope(string? segment, HashSet<string>? names)
    {
        public string? Segment { get; } = segment;

        /// <summary>The member names seen so far; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public int NextIndex { get; set; }
    }
}
