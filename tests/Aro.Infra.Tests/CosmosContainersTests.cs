using System.Reflection;
using Aro.Persistence.Cosmos;

namespace Aro.Infra.Tests;

/// <summary>The containers infra/ creates are the ones src/Aro.Persistence opens, with the partition key it writes.</summary>
public sealed class CosmosContainersTests
{
    private const string ContainerType = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";

    [Fact]
    public void Infra_creates_every_container_the_stores_use_and_no_other()
    {
        var expected = typeof(ContainerNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        var created = CompiledTemplate.Main.OfType(ContainerType)
            .Select(container => (string)container.Json["properties"]!["resource"]!["id"]!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, created);
    }

    [Fact]
    public void Every_container_is_partitioned_on_the_path_every_document_carries()
    {
        Assert.All(CompiledTemplate.Main.OfType(ContainerType), container =>
        {
            var partitionKey = container.Json["properties"]!["resource"]!["partitionKey"]!;
            Assert.Equal([CosmosDatabase.PartitionKeyPath], partitionKey["paths"]!.AsArray().Select(path => (string)path!));
            Assert.Equal("Hash", (string)partitionKey["kind"]!);
        });
    }

    [Fact]
    public void The_account_takes_no_keys()
    {
        var account = CompiledTemplate.Main.Single("Microsoft.DocumentDB/databaseAccounts");

        Assert.True((bool)account.Json["properties"]!["disableLocalAuth"]!);
    }
}
