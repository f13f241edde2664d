using Aro.Persistence.Cosmos;
using Aro.Persistence.Scheduling;
using Aro.Persistence.Tests.Scheduling;

namespace Aro.Persistence.Tests.Cosmos;

[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosScheduledMessageStoreTests(CosmosTestServer server) : ScheduledMessageStoreContractTests
{
    // A container per test: all scheduled messages share one partition, which the due query reads whole.
    protected override IScheduledMessageStore Store { get; } = new CosmosScheduledMessageStore(server.Database, $"ScheduledMessages-{Guid.NewGuid():N}");
}
