using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// An x-ms-examples file with its placeholders replaced consistently so the RP's validation accepts it:
/// the subscriptionId parameter and every /subscriptions/subscriptionId/ inside ids, the "location" location
/// and the service principal's clientId. Resource group and resource names are kept.
/// </summary>
public sealed partial class SwaggerExample
{
    private readonly JsonObject _example;

    internal SwaggerExample(string apiVersion, SwaggerOperation operation, JsonObject example, ExampleValues values)
    {
        ApiVersion = apiVersion;
        Operation = operation;
        _example = Substitute(null, example, values)!.AsObject();
    }

    public string ApiVersion { get; }

    public SwaggerOperation Operation { get; }

    public JsonObject Parameters => _example["parameters"]!.AsObject();

    /// <summary>The request body (the "parameters" parameter), if the operation has one.</summary>
    public JsonNode? Body => Parameters["parameters"]?.DeepClone();

    /// <summary>The operation's path with the example's parameters filled in, without the query.</summary>
    public string Path => PathParameter().Replace(Operation.PathTemplate, m => Uri.EscapeDataString((string)Parameters[m.Groups[1].Value]!));

    public string PathAndQuery => $"{Path}?api-version={ApiVersion}";

    public bool Lists(HttpStatusCode status) => _example["responses"]!.AsObject().ContainsKey(((int)status).ToString());

    /// <summary>The example's response body for <paramref name="status"/>.</summary>
    public JsonObject Response(HttpStatusCode status) =>
        _example["responses"]![((int)status).ToString()]?["body"]?.AsObject()
        ?? throw new InvalidDataException($"{this} has no {(int)status} response body.");

    public override string ToString() => $"{Operation.ExampleFile} ({ApiVersion})";

    private static JsonNode? Substitute(string? key, JsonNode? node, ExampleValues values) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Key, p.Value, values)))),
        JsonArray array => new JsonArray([.. array.Select(e => Substitute(key, e, values))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Substitute(key, text, values)),
        _ => node?.DeepClone(),
    };

    private static string Substitute(string? key, string text, ExampleValues values) => (key, text) switch
    {
        ("subscriptionId", "subscriptionId") => values.SubscriptionId,
        ("location", "location") => values.Location,
        ("clientId", "clientId") => values.ClientId,
        _ => text.Replace("/subscriptions/subscriptionId/", $"/subscriptions/{values.SubscriptionId}/", StringComparison.Ordinal),
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
