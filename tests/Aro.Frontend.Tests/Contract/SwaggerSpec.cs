using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>
/// One api-version's swagger, read at run time from the shared specs checkout (../shared/specs next to the
/// repository root, laid out as azure-rest-api-specs so that every relative <c>$ref</c> resolves).
/// </summary>
public sealed class SwaggerSpec
{
    private static readonly IReadOnlyDictionary<string, string> Swaggers = new Dictionary<string, string>
    {
        ["2019-12-31-preview"] = "specification/redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/preview/2019-12-31-preview/redhatopenshift.json",
        ["2020-04-30"] = "specification/redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/openshiftclusters/stable/2020-04-30/redhatopenshift.json",
    };

    private static readonly string[] Methods = ["get", "put", "patch", "delete", "post"];

    private SwaggerSpec(string apiVersion)
    {
        ApiVersion = apiVersion;
        SwaggerPath = Path.Combine(SpecsRoot(), Swaggers[apiVersion]);
        Operations = ReadOperations(ReadJson(SwaggerPath));
    }

    public static IEnumerable<string> ApiVersions => Swaggers.Keys;

    public string ApiVersion { get; }

    public string SwaggerPath { get; }

    /// <summary>One entry per x-ms-examples file, in the swagger's order.</summary>
    public IReadOnlyList<SwaggerOperation> Operations { get; }

    public static SwaggerSpec Load(string apiVersion) => new(apiVersion);

    public SwaggerOperation OperationOf(string exampleFile) => Operations.Single(o => o.ExampleFile == exampleFile);

    public SwaggerOperation Operation(string operationId) => Operations.Single(o => o.OperationId == operationId);

    /// <summary>The operation's example, with its placeholder values replaced (see <see cref="SwaggerExample"/>).</summary>
    public SwaggerExample Example(SwaggerOperation operation, ExampleValues values)
    {
        var path = Path.Combine(Path.GetDirectoryName(SwaggerPath)!, "examples", operation.ExampleFile);
        return new SwaggerExample(ApiVersion, operation, ReadJson(path).AsObject(), values);
    }

    /// <summary>The property paths the swagger's definition <paramref name="name"/> allows.</summary>
    public SwaggerSchema Definition(string name) => SwaggerSchema.Of(SwaggerPath, "#/definitions/" + name);

    internal static JsonNode ReadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");

    private static List<SwaggerOperation> ReadOperations(JsonNode swagger) =>
        [.. from path in swagger["paths"]!.AsObject()
            from method in Methods
            let operation = path.Value![method]
            where operation is not null
            from example in operation["x-ms-examples"]!.AsObject()
            select new SwaggerOperation(
                (string)operation["operationId"]!,
                HttpMethod.Parse(method),
                path.Key,
                Path.GetFileName((string)example.Value!["$ref"]!))];

    private static string SpecsRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Aro.Messaging.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "specs"));
            }
        }

        throw new InvalidOperationException($"No Aro.Messaging.sln above {AppContext.BaseDirectory}.");
    }
}
