using System.Text.Json.Nodes;

namespace Aro.Api.Tests.TestData;

/// <summary>
/// The swagger examples of the shared specs checkout (../shared/specs next to the repository root),
/// with their placeholder values replaced consistently by ones that pass validation.
/// </summary>
public static class SwaggerExamples
{
    public static readonly IReadOnlyDictionary<string, string> ExampleFolders = new Dictionary<string, string>
    {
        ["2019-12-31-preview"] = "specification/redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/preview/2019-12-31-preview/examples",
        ["2020-04-30"] = "specification/redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/openshiftclusters/stable/2020-04-30/examples",
    };

    public static string Folder(string apiVersion) => Path.Combine(SpecsRoot(), ExampleFolders[apiVersion]);

    public static IEnumerable<string> FileNames(string apiVersion) =>
        Directory.EnumerateFiles(Folder(apiVersion), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    /// <summary>The example with placeholders substituted: ids get the fixture's subscription, location the RP's, clientId a GUID.</summary>
    public static JsonObject Load(string apiVersion, string fileName)
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(apiVersion), fileName)))!;
        return Substitute(example)!.AsObject();
    }

    /// <summary>The resource id of the example's URL, built from its parameters.</summary>
    public static string ResourceId(JsonObject example)
    {
        var parameters = example["parameters"]!;
        return $"/subscriptions/{parameters["subscriptionId"]}/resourceGroups/{parameters["resourceGroupName"]}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{parameters["resourceName"]}";
    }

    private static JsonNode? Substitute(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Substitute(obj[key]?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Substitute(array[i]?.DeepClone());
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text switch
                {
                    "location" => ClusterFixture.Location,
                    "clientId" => ClusterFixture.ClientId,
                    _ => text.Replace("subscriptionId", ClusterFixture.SubscriptionId, StringComparison.Ordinal),
                };
            default:
                return node;
        }
    }

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
