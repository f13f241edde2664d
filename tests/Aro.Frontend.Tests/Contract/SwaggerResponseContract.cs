using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// What the swagger of one api-version promises about the response to a request: the operation is found by
/// method and path (segments compared case-insensitively, <c>{parameter}</c> matching any one segment), the
/// schema by status code, falling back to the operation's "default" (the CloudError of every error).
/// </summary>
public sealed class SwaggerResponseContract
{
    private static readonly Dictionary<string, SwaggerResponseContract> Cache = [];

    private readonly string _swaggerPath;
    private readonly List<(string[] Template, string Method, JsonObject Operation)> _operations;

    private SwaggerResponseContract(string swaggerPath)
    {
        _swaggerPath = swaggerPath;
        var swagger = SwaggerSpec.ReadJson(swaggerPath);
        _operations = [.. from path in swagger["paths"]!.AsObject()
            from method in path.Value!.AsObject()
            where method.Value is JsonObject { } operation && operation.ContainsKey("responses")
            select (Segments(path.Key), method.Key, method.Value!.AsObject())];
    }

    public static SwaggerResponseContract For(string apiVersion)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(apiVersion, out var contract))
            {
                contract = new SwaggerResponseContract(SwaggerSpec.Load(apiVersion).SwaggerPath);
                Cache[apiVersion] = contract;
            }

            return contract;
        }
    }

    /// <summary>
    /// The ways the response departs from the swagger; null when the swagger has no operation for the request
    /// (the subscription lifecycle, the polling endpoints, the legacy /credentials route).
    /// </summary>
    public IReadOnlyList<string>? Violations(HttpMethod method, string path, int status, string body)
    {
        var requested = Segments(path);
        var operation = _operations
            .Where(o => string.Equals(o.Method, method.Method, StringComparison.OrdinalIgnoreCase) && Matches(o.Template, requested))
            .Select(o => o.Operation)
            .FirstOrDefault();
        if (operation is null)
        {
            return null;
        }

        var responses = operation["responses"]!.AsObject();
        var response = responses[status.ToString()] ?? responses["default"];
        if (response is null)
        {
            return [$"{status} is not a response of {operation["operationId"]}"];
        }

        if (response["schema"] is not JsonObject schema)
        {
            return body.Length == 0 ? [] : [$"{operation["operationId"]} answers {status} without a body, ours has '{body}'"];
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [$"the body is not JSON ({ex.Message}): '{body}'"];
        }

        // An action whose purpose is to hand out a secret (listCredentials) may return it; nothing else may.
        var secretsAllowed = method == HttpMethod.Post && status < 300;
        return SwaggerSchemaValidator.Validate(_swaggerPath, schema, json, secretsAllowed);
    }

    private static string[] Segments(string path) => path.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(string[] template, string[] requested) =>
        template.Length == requested.Length &&
        template.Zip(requested).All(p => p.First.StartsWith('{') || string.Equals(p.First, Uri.UnescapeDataString(p.Second), StringComparison.OrdinalIgnoreCase));
}
