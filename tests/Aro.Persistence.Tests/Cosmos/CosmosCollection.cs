namespace Aro.Persistence.Tests.Cosmos;

/// <summary>The tests that share one Cosmos DB test server; they carry the Cosmos category so they can be run apart.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosTestServer>
{
    public const string Name = "Cosmos";

    public const string Category = "Cosmos";
}
