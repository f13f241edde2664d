using System.Text.Json;
using Aro.Api.Model;
using Aro.Persistence.Cosmos;
using Aro.Persistence.Documents;
using Aro.Persistence.Tests.Stores;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>What the Cosmos DB stores do beyond the contract: the stored shape, and sweeps longer than one page.</summary>
[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosDocumentStoreTests(CosmosTestServer server)
{
    private readonly CosmosOpenShiftClusterStore _clusters = new(server.Database, server.Serializer, new CosmosAsyncOperationStore(server.Database, server.Serializer));

    [Fact]
    public async Task A_cluster_is_stored_under_a_safe_item_id_with_its_id_as_key_and_its_secrets_sealed()
    {
        var document = await _clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);

        using var response = await server.Database.Container(ContainerNames.OpenShiftClusters).ReadItemStreamAsync(
            CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(document.Id),
            new PartitionKey(document.PartitionKey));
        response.EnsureSuccessStatusCode();
        var raw = await new StreamReader(response.Content).ReadToEndAsync();
        using var json = JsonDocument.Parse(raw);

        Assert.Equal(document.Id, json.RootElement.GetProperty("key").GetString());
        Assert.DoesNotContain("/", json.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(document.PartitionKey, json.RootElement.GetProperty("partitionKey").GetString());
        Assert.False(json.RootElement.TryGetProperty("eTag", out _));
        Assert.All(TestDocuments.SecretsOf(document), secret => Assert.DoesNotContain(secret, raw, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListUnsettled_reads_past_the_first_page_of_the_feed()
    {
        const int Clusters = 230;
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var created = new HashSet<string>();
        for (var i = 0; i < Clusters; i++)
        {
            var document = TestDocuments.Cluster(subscriptionId, "rg", $"c{i:D3}");
            document.OpenShiftCluster.Properties.ProvisioningState = i % 2 == 0 ? ProvisioningState.Updating : ProvisioningState.Succeeded;
            created.Add((await _clusters.CreateAsync(document, CancellationToken.None)).Id);
        }

        var unsettled = new List<string>();
        await foreach (var document in _clusters.ListUnsettledAsync(CancellationToken.None))
        {
            if (document.PartitionKey == OpenShiftClusterDocument.PartitionKeyFor(subscriptionId))
            {
                unsettled.Add(document.Id);
            }
        }

        Assert.Equal(Clusters / 2, unsettled.Count);
        Assert.Equal(unsettled.Count, unsettled.Distinct().Count());
    }
}
