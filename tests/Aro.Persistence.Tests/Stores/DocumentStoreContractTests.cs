using System.Globalization;
using Aro.Api;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Tests.Stores;

/// <summary>
/// The behaviour every store implementation must have (SQLite now, Cosmos DB later): derive, supply the stores,
/// and the whole suite runs against them. Tests use fresh subscription ids, so a shared database is fine.
/// </summary>
public abstract partial class DocumentStoreContractTests
{
    protected abstract IOpenShiftClusterStore Clusters { get; }

    protected abstract ISubscriptionStore Subscriptions { get; }

    protected abstract IAsyncOperationStore AsyncOperations { get; }

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Get_of_a_missing_document_returns_null()
    {
        Assert.Null(await Clusters.GetAsync(TestDocuments.NewSubscriptionId(), "missing", None));
    }

    [Fact]
    public async Task Create_sets_an_ETag_and_Get_returns_the_document()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());

        var created = await Clusters.CreateAsync(document, None);
        var read = await Clusters.GetAsync(document.PartitionKey, document.Id, None);

        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(document.Id, read.Id);
        Assert.Equal(document.PartitionKey, read.PartitionKey);
        Assert.Equal(document.AsyncOperationId, read.AsyncOperationId);
        Assert.Equal(document.OpenShiftCluster.Id, read.OpenShiftCluster.Id);
        Assert.Equal(ProvisioningState.Creating, read.OpenShiftCluster.Properties.ProvisioningState);
        Assert.Equal("team-a", read.OpenShiftCluster.Tags!["Owner"]);
        Assert.Equal("Standard_D4s_v3", Assert.Single(read.OpenShiftCluster.Properties.WorkerProfiles).VmSize);
    }

    [Fact]
    public async Task ListUnsettled_returns_the_clusters_with_an_operation_in_progress_across_subscriptions()
    {
        var creating = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var deleting = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        deleting.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Deleting;
        deleting = await Clusters.CreateAsync(deleting, None);
        var settled = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        settled.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        settled = await Clusters.CreateAsync(settled, None);

        var unsettled = new List<OpenShiftClusterDocument>();
        await foreach (var document in Clusters.ListUnsettledAsync(None))
        {
            unsettled.Add(document);
        }

        var ids = unsettled.Select(d => d.Id).ToHashSet();
        Assert.Contains(creating.Id, ids);
        Assert.Contains(deleting.Id, ids);
        Assert.DoesNotContain(settled.Id, ids);
        Assert.All(unsettled, d => Assert.False(d.OpenShiftCluster.Properties.ProvisioningState.IsTerminal()));
        Assert.Equal(deleting.ETag, unsettled.Single(d => d.Id == deleting.Id).ETag);
    }

    [Fact]
    public async Task ListByDomain_returns_the_clusters_holding_any_of_the_domains_across_subscriptions_as_the_set_compares()
    {
        var label = "d" + Guid.NewGuid().ToString("N")[..12];
        var bare = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        bare.OpenShiftCluster.Properties.ClusterProfile.Domain = label.ToUpperInvariant();
        bare = await Clusters.CreateAsync(bare, None);
        var qualified = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        qualified.OpenShiftCluster.Properties.ClusterProfile.Domain = $"{label}.aro.localhost";
        qualified = await Clusters.CreateAsync(qualified, None);
        var other = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        other.OpenShiftCluster.Properties.ClusterProfile.Domain = label + "x";
        await Clusters.CreateAsync(other, None);

        var found = await ListByDomainAsync(label, exceptId: null);

        Assert.Equal(new[] { bare.Id, qualified.Id }.Order(StringComparer.Ordinal), found.Select(c => c.Id).Order(StringComparer.Ordinal));
        // Asked on every create PUT: the secrets of the clusters it reads stay sealed.
        Assert.All(found, AssertNoSecrets);
        Assert.Equal([qualified.Id], (await ListByDomainAsync(label, exceptId: bare.Id)).Select(c => c.Id));
    }

    [Fact]
    public async Task ListByDomain_no_longer_returns_a_deleted_cluster()
    {
        var label = "d" + Guid.NewGuid().ToString("N")[..12];
        var cluster = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        cluster.OpenShiftCluster.Properties.ClusterProfile.Domain = label;
        cluster = await Clusters.CreateAsync(cluster, None);
        Assert.Single(await ListByDomainAsync(label, exceptId: null));

        await Clusters.DeleteAsync(cluster, None);

        Assert.Empty(await ListByDomainAsync(label, exceptId: null));
    }

    private async Task<List<OpenShiftClusterWithoutSecrets>> ListByDomainAsync(string label, string? exceptId)
    {
        var found = new List<OpenShiftClusterWithoutSecrets>();
        await foreach (var cluster in Clusters.ListByDomainAsync(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { label, $"{label}.aro.localhost" }, exceptId, None))
        {
            found.Add(cluster);
        }

        return found;
    }

    [Fact]
    public async Task Create_of_an_existing_id_throws_conflict_and_keeps_the_first()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var first = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), None);
        var second = TestDocuments.Cluster(subscriptionId);

        var exception = await Assert.ThrowsAsync<DocumentConflictException>(() => Clusters.CreateAsync(second, None));

        Assert.Equal(second.Id, exception.Id);
        var stored = await Clusters.GetAsync(first.PartitionKey, first.Id, None);
        Assert.Equal(first.ETag, stored!.ETag);
        Assert.Equal(first.AsyncOperationId, stored.AsyncOperationId);
    }

    [Fact]
    public async Task Replace_stores_the_change_under_a_new_ETag()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var firstETag = document.ETag;
        document.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        document.OpenShiftCluster.Properties.LastError = new CloudErrorBody("Code", "Message", "properties.x");

        var replaced = await Clusters.ReplaceAsync(document, None);
        var read = await Clusters.GetAsync(document.PartitionKey, document.Id, None);

        Assert.NotEqual(firstETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read!.ETag);
        Assert.Equal(ProvisioningState.Succeeded, read.OpenShiftCluster.Properties.ProvisioningState);
        Assert.Equal(new CloudErrorBody("Code", "Message", "properties.x"), read.OpenShiftCluster.Properties.LastError);
    }

    [Fact]
    public async Task Replace_with_a_stale_ETag_throws_precondition_failed_and_changes_nothing()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), None);
        var first = await Clusters.GetAsync(created.PartitionKey, created.Id, None);
        var second = await Clusters.GetAsync(created.PartitionKey, created.Id, None);
        first!.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await Clusters.ReplaceAsync(first, None);
        second!.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Failed;
        var staleETag = second.ETag;

        var exception = await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Clusters.ReplaceAsync(second, None));

        Assert.Equal(created.Id, exception.Id);
        Assert.Equal(staleETag, second.ETag);
        var stored = await Clusters.GetAsync(created.PartitionKey, created.Id, None);
        Assert.Equal(ProvisioningState.Succeeded, stored!.OpenShiftCluster.Properties.ProvisioningState);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task Replace_of_a_deleted_document_throws_precondition_failed()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var copy = await Clusters.GetAsync(document.PartitionKey, document.Id, None);
        await Clusters.DeleteAsync(document, None);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Clusters.ReplaceAsync(copy!, None));
        Assert.Null(await Clusters.GetAsync(document.PartitionKey, document.Id, None));
    }

    [Fact]
    public async Task Delete_removes_the_document()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        await Clusters.DeleteAsync(document, None);

        Assert.Null(await Clusters.GetAsync(document.PartitionKey, document.Id, None));
    }

    [Fact]
    public async Task Delete_with_a_stale_ETag_throws_precondition_failed_and_keeps_the_document()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var stale = await Clusters.GetAsync(created.PartitionKey, created.Id, None);
        await Clusters.ReplaceAsync(created, None);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Clusters.DeleteAsync(stale!, None));
        Assert.NotNull(await Clusters.GetAsync(created.PartitionKey, created.Id, None));
    }

    [Fact]
    public async Task Delete_of_a_document_already_deleted_throws_precondition_failed()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var copy = await Clusters.GetAsync(created.PartitionKey, created.Id, None);
        await Clusters.DeleteAsync(created, None);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Clusters.DeleteAsync(copy!, None));
    }

    [Fact]
    public async Task The_same_id_in_two_partitions_is_two_documents()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        var other = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        other.Id = document.Id;

        await Clusters.CreateAsync(document, None);
        await Clusters.CreateAsync(other, None);

        var read = await Clusters.GetAsync(other.PartitionKey, document.Id, None);
        Assert.Equal(other.AsyncOperationId, read!.AsyncOperationId);
        Assert.Null(await Clusters.GetAsync(TestDocuments.NewSubscriptionId(), document.Id, None));
    }

    [Fact]
    public async Task Concurrent_UpdateWithRetry_loses_no_increment()
    {
        const int Writers = 20;
        const int IncrementsPerWriter = 5;
        // A call only fails again when another write succeeded in between, so it cannot fail more often than that.
        const int MaxAttempts = Writers * IncrementsPerWriter;
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var mutations = 0;
        using var start = new ManualResetEventSlim();

        // A thread each, released together: a store whose calls complete synchronously (SQLite) would otherwise
        // run the writers one after another on a single pool thread and never race.
        var writers = Enumerable.Range(0, Writers)
            .Select(writer => Task.Factory.StartNew(
                async () =>
                {
                    start.Wait();
                    for (var increment = 0; increment < IncrementsPerWriter; increment++)
                    {
                        await Clusters.UpdateWithRetryAsync(
                            document.PartitionKey,
                            document.Id,
                            cluster =>
                            {
                                Interlocked.Increment(ref mutations);
                                cluster.OpenShiftCluster.Properties.WorkerProfiles[0].Count++;
                                cluster.OpenShiftCluster.Tags![$"writer-{writer}"] = increment.ToString(CultureInfo.InvariantCulture);
                                // Widens the read-modify-write window so that writers really do collide.
                                Thread.Sleep(1);
                                return true;
                            },
                            None,
                            MaxAttempts);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToList();
        start.Set();
        await Task.WhenAll(writers);

        var stored = await Clusters.GetAsync(document.PartitionKey, document.Id, None);
        Assert.Equal(Writers * IncrementsPerWriter, stored!.OpenShiftCluster.Properties.WorkerProfiles[0].Count);
        Assert.Equal(Writers + 1, stored.OpenShiftCluster.Tags!.Count);
        // Without a single lost race the test would prove nothing about the retry.
        Assert.True(mutations > Writers * IncrementsPerWriter, "no writer ever had to retry");
    }

    [Fact]
    public async Task UpdateWithRetry_writes_nothing_when_the_mutation_declines()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        var result = await Clusters.UpdateWithRetryAsync(document.PartitionKey, document.Id, _ => false, None);

        Assert.Equal(document.ETag, result!.ETag);
        Assert.Equal(document.ETag, (await Clusters.GetAsync(document.PartitionKey, document.Id, None))!.ETag);
    }

    [Fact]
    public async Task UpdateWithRetry_of_a_missing_document_returns_null()
    {
        Assert.Null(await Clusters.UpdateWithRetryAsync(TestDocuments.NewSubscriptionId(), "missing", _ => true, None));
    }

    [Fact]
    public async Task Paging_sees_every_surviving_document_once_while_others_are_inserted_and_deleted()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var originals = new Dictionary<string, OpenShiftClusterDocument>();
        for (var i = 0; i < 25; i++)
        {
            var created = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", $"c{i:D2}"), None);
            originals.Add(created.Id, created);
        }

        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);
        var seen = new List<string>();
        var deleted = new HashSet<string>();
        string? continuationToken = null;
        var page = 0;
        do
        {
            var result = await Clusters.QueryAsync(partitionKey, null, continuationToken, 7, None);
            Assert.True(result.Items.Count <= 7);
            seen.AddRange(result.Items.Select(item => item.Id));
            continuationToken = result.ContinuationToken;
            page++;

            // Between pages: delete one document already seen and one not yet seen, insert before and after the cursor.
            var unseen = originals.Keys.Where(id => !seen.Contains(id) && !deleted.Contains(id)).Order(StringComparer.Ordinal).ToList();
            if (unseen.Count > 1)
            {
                var victim = unseen[^1];
                await Clusters.DeleteAsync(originals[victim], None);
                deleted.Add(victim);
            }

            var seenOriginal = seen.Where(originals.ContainsKey).FirstOrDefault(id => !deleted.Contains(id));
            if (seenOriginal is not null)
            {
                await Clusters.DeleteAsync(originals[seenOriginal], None);
                deleted.Add(seenOriginal);
            }

            await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", $"a-inserted-{page}"), None);
            await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", $"z-inserted-{page}"), None);
        }
        while (continuationToken is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        foreach (var id in originals.Keys)
        {
            var expected = deleted.Contains(id) && !seen.Contains(id) ? 0 : 1;
            Assert.True(
                expected == seen.Count(seenId => seenId == id),
                $"{id} was seen {seen.Count(seenId => seenId == id)} times, expected {expected}.");
        }

        Assert.Equal(seen.Where(originals.ContainsKey).Order(StringComparer.Ordinal), seen.Where(originals.ContainsKey));
    }

    [Fact]
    public async Task Prefix_query_returns_the_resource_group_only_and_stays_inside_the_partition()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var otherSubscriptionId = TestDocuments.NewSubscriptionId();
        var expected = new List<string>();
        foreach (var (resourceGroup, name) in new[] { ("RG1", "a"), ("rg1", "b"), ("rg10", "c"), ("rg2", "d"), ("rg1x", "e") })
        {
            var created = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, resourceGroup, name), None);
            if (resourceGroup.Equals("rg1", StringComparison.OrdinalIgnoreCase))
            {
                expected.Add(created.Id);
            }
        }

        // Same resource group prefix under the other subscription's partition key: must never leak in.
        var intruder = TestDocuments.Cluster(otherSubscriptionId, "rg1", "z");
        intruder.Id = OpenShiftClusterDocument.KeyFor(TestDocuments.ClusterResourceId(subscriptionId, "rg1", "z"));
        await Clusters.CreateAsync(intruder, None);

        var result = await QueryAllAsync(
            OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            TestDocuments.ResourceGroupPrefix(subscriptionId, "rg1"),
            pageSize: 1);

        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Select(document => document.Id));
        Assert.All(result, document => Assert.Equal(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), document.PartitionKey));
    }

    [Fact]
    public async Task Prefix_query_treats_wildcard_characters_literally()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var literal = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg_1%", "a"), None);
        await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rgx1x", "b"), None);
        await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg_1x", "c"), None);

        var result = await QueryAllAsync(
            OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            TestDocuments.ResourceGroupPrefix(subscriptionId, "rg_1%"),
            pageSize: 10);

        Assert.Equal(literal.Id, Assert.Single(result).Id);
    }

    [Fact]
    public async Task Query_returns_only_the_partition_asked_for_in_id_order()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var otherSubscriptionId = TestDocuments.NewSubscriptionId();
        var ids = new List<string>();
        foreach (var name in new[] { "c", "a", "b" })
        {
            ids.Add((await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", name), None)).Id);
            await Clusters.CreateAsync(TestDocuments.Cluster(otherSubscriptionId, "rg", name), None);
        }

        var result = await QueryAllAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), null, pageSize: 2);

        Assert.Equal(ids.Order(StringComparer.Ordinal), result.Select(document => document.Id));
        Assert.All(result, document => Assert.False(string.IsNullOrEmpty(document.ETag)));
        Assert.Empty(await QueryAllAsync(OpenShiftClusterDocument.PartitionKeyFor(TestDocuments.NewSubscriptionId()), null, pageSize: 2));
    }

    [Fact]
    public async Task Secrets_round_trip()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        var expected = TestDocuments.SecretsOf(document).ToList();
        await Clusters.CreateAsync(document, None);

        var read = await Clusters.GetAsync(document.PartitionKey, document.Id, None);
        var queried = Assert.Single((await Clusters.QueryAsync(document.PartitionKey, null, null, 10, None)).Items);

        Assert.Equal(expected, TestDocuments.SecretsOf(read!));
        Assert.Equal(expected, TestDocuments.SecretsOf(queried));
    }

    [Fact]
    public async Task Subscription_documents_round_trip()
    {
        var id = SubscriptionDocument.KeyFor(TestDocuments.NewSubscriptionId().ToUpperInvariant());
        var document = new SubscriptionDocument
        {
            Id = id,
            Subscription = new Subscription
            {
                State = SubscriptionState.Warned,
                Properties = new SubscriptionProperties
                {
                    TenantId = "tenant",
                    RegisteredFeatures = [new SubscriptionFeature { Name = "Microsoft.RedHatOpenShift/Feature", State = "Registered" }],
                },
            },
        };

        await Subscriptions.CreateAsync(document, None);
        var read = await Subscriptions.GetAsync(id, id, None);

        Assert.Equal(id, read!.PartitionKey);
        Assert.Equal(SubscriptionState.Warned, read.Subscription.State);
        Assert.Equal("Registered", Assert.Single(read.Subscription.Properties!.RegisteredFeatures!).State);
    }

    [Fact]
    public async Task Async_operation_documents_round_trip()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var name = Guid.NewGuid().ToString();
        var startTime = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var document = new AsyncOperationDocument
        {
            Id = name,
            PartitionKey = subscriptionId,
            OpenShiftClusterKey = OpenShiftClusterDocument.KeyFor(TestDocuments.ClusterResourceId(subscriptionId, "rg", "c")),
            InitialProvisioningState = ProvisioningState.Deleting,
            AsyncOperation = new AsyncOperation
            {
                Id = $"/subscriptions/{subscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{name}",
                Name = name,
                Status = ProvisioningState.Failed,
                StartTime = startTime,
                EndTime = startTime.AddMinutes(5),
                PercentComplete = 100,
                Error = new CloudErrorBody("InternalServerError", "Boom", null, [new CloudErrorBody("Inner", "Detail")]),
            },
        };

        await AsyncOperations.CreateAsync(document, None);
        var read = await AsyncOperations.GetAsync(subscriptionId, name, None);

        Assert.Equal(ProvisioningState.Deleting, read!.InitialProvisioningState);
        Assert.Equal(ProvisioningState.Failed, read.AsyncOperation.Status);
        Assert.Equal(startTime, read.AsyncOperation.StartTime);
        Assert.Equal(startTime.AddMinutes(5), read.AsyncOperation.EndTime);
        Assert.Equal("Inner", Assert.Single(read.AsyncOperation.Error!.Details!).Code);
    }

    [Fact]
    public async Task ListAll_returns_the_operation_records_of_every_subscription_with_their_ETags()
    {
        var first = await AsyncOperations.CreateAsync(TestDocuments.AsyncOperation(TestDocuments.NewSubscriptionId()), None);
        var second = await AsyncOperations.CreateAsync(TestDocuments.AsyncOperation(TestDocuments.NewSubscriptionId()), None);

        var listed = new List<AsyncOperationDocument>();
        await foreach (var document in AsyncOperations.ListAllAsync(None))
        {
            listed.Add(document);
        }

        Assert.Equal(first.ETag, Assert.Single(listed, d => d.Id == first.Id && d.PartitionKey == first.PartitionKey).ETag);
        Assert.Equal(second.ETag, Assert.Single(listed, d => d.Id == second.Id && d.PartitionKey == second.PartitionKey).ETag);
    }

    private async Task<List<OpenShiftClusterDocument>> QueryAllAsync(string partitionKey, string? idPrefix, int pageSize)
    {
        var documents = new List<OpenShiftClusterDocument>();
        string? continuationToken = null;
        do
        {
            var page = await Clusters.QueryAsync(partitionKey, idPrefix, continuationToken, pageSize, None);
            documents.AddRange(page.Items);
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        return documents;
    }
}
