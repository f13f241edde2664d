using System.Net;
using System.Text.Json.Nodes;
using Aro.Persistence.Cosmos;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Tests.Cosmos;

[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosDocumentStoreContractTests(CosmosTestServer server) : DocumentStoreContractTests
{
    private static readonly Func<CosmosTestServer, CosmosAsyncOperationStore> NewOperations = server => new CosmosAsyncOperationStore(server.Database, server.Serializer);

    protected override IOpenShiftClusterStore Clusters { get; } = new CosmosOpenShiftClusterStore(server.Database, server.Serializer, NewOperations(server));

    protected override ISubscriptionStore Subscriptions { get; } = new CosmosSubscriptionStore(server.Database, server.Serializer);

    protected override IAsyncOperationStore AsyncOperations { get; } = NewOperations(server);

    // A query has no If-None-Match per item, so a page comes with every body; and the local test server ignores
    // If-None-Match on point reads too (Azure answers 304 without the body).
    protected override bool KnownDocumentsLeftUnread => false;

    private Container ClusterContainer => server.Database.Container(ContainerNames.OpenShiftClusters);

    protected override async Task<JsonObject> ReadStoredClusterAsync(string partitionKey, string id)
    {
        using var response = await ClusterContainer.ReadItemStreamAsync(CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(id), new PartitionKey(partitionKey));
        response.EnsureSuccessStatusCode();
        return (await JsonNode.ParseAsync(response.Content))!.AsObject();
    }

    protected override async Task WriteStoredClusterAsync(string partitionKey, string id, JsonObject body)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        using var response = await ClusterContainer.ReplaceItemStreamAsync(content, CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(id), new PartitionKey(partitionKey));
        response.EnsureSuccessStatusCode();
    }

    protected override async Task DeleteStoredClusterAsync(string partitionKey, string id)
    {
        using var response = await ClusterContainer.DeleteItemStreamAsync(CosmosDocumentStore<OpenShiftClusterDocument>.ItemId(id), new PartitionKey(partitionKey));
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"delete answered {response.StatusCode}");
    }
}
