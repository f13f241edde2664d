namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// The store RP processes share: the Cosmos DB test server when test.sh started one (a database of its own per
/// test), else one SQLite file, which processes on one machine can share.
/// </summary>
internal static class SharedStore
{
    public static IReadOnlyDictionary<string, string> Environment(string uniqueName) =>
        System.Environment.GetEnvironmentVariable("ARO_TEST_COSMOS_ENDPOINT") is { Length: > 0 } cosmos
            ? new Dictionary<string, string>
            {
                ["ARO_STORE"] = "cosmos",
                ["ARO_COSMOS_ENDPOINT"] = cosmos,
                ["ARO_COSMOS_KEY"] = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
                ["ARO_COSMOS_DATABASE"] = uniqueName,
                ["ARO_COSMOS_ALLOW_UNTRUSTED_CERTIFICATES"] = "true",
            }
            : new Dictionary<string, string> { ["ARO_STORE"] = "sqlite" };
}
