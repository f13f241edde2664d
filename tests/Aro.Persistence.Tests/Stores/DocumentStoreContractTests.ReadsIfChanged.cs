using Aro.Persistence.Documents;

namespace Aro.Persistence.Tests.Stores;

/// <summary>
/// Reads for a reader that already holds some clusters (the frontend's cache of what it showed): the store reports
/// every cluster's current ETag, and leaves out the documents whose ETag the reader holds, never one it does not.
/// </summary>
public abstract partial class DocumentStoreContractTests
{
    /// <summary>Whether the store leaves known documents unread; a store may read and return them anyway.</summary>
    protected virtual bool KnownDocumentsLeftUnread => true;

    [Fact]
    public async Task GetWithoutSecretsIfChanged_with_no_known_ETag_returns_the_document_as_GetWithoutSecrets_does()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        var version = await Clusters.GetWithoutSecretsIfChangedAsync(document.PartitionKey, document.Id, knownETag: null, None);

        Assert.NotNull(version);
        Assert.Equal((document.Id, document.ETag), (version.Id, version.ETag));
        Assert.NotNull(version.Document);
        Assert.Equal(document.ETag, version.Document.ETag);
        Assert.Equal("team-a", version.Document.OpenShiftCluster.Tags!["Owner"]);
        AssertNoSecrets(version.Document);
    }

    [Fact]
    public async Task GetWithoutSecretsIfChanged_with_the_stored_ETag_leaves_the_document_out()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        var version = await Clusters.GetWithoutSecretsIfChangedAsync(document.PartitionKey, document.Id, document.ETag, None);

        Assert.NotNull(version);
        Assert.Equal((document.Id, document.ETag), (version.Id, version.ETag));
        if (KnownDocumentsLeftUnread)
        {
            Assert.Null(version.Document);
        }
        else
        {
            Assert.Equal(document.ETag, version.Document!.ETag);
        }
    }

    [Fact]
    public async Task GetWithoutSecretsIfChanged_with_an_older_ETag_returns_the_document_as_written_since()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var older = document.ETag;
        document.OpenShiftCluster.Tags!["Owner"] = "team-b";
        var replaced = await Clusters.ReplaceAsync(document, None);

        var version = await Clusters.GetWithoutSecretsIfChangedAsync(document.PartitionKey, document.Id, older, None);

        Assert.NotNull(version);
        Assert.Equal(replaced.ETag, version.ETag);
        Assert.NotEqual(older, version.ETag);
        Assert.Equal("team-b", version.Document!.OpenShiftCluster.Tags!["Owner"]);
        AssertNoSecrets(version.Document);
    }

    [Fact]
    public async Task GetWithoutSecretsIfChanged_of_a_missing_or_deleted_document_returns_null()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);
        var etag = document.ETag;
        await Clusters.DeleteAsync(document, None);

        Assert.Null(await Clusters.GetWithoutSecretsIfChangedAsync(document.PartitionKey, document.Id, etag, None));
        Assert.Null(await Clusters.GetWithoutSecretsIfChangedAsync(TestDocuments.NewSubscriptionId(), "missing", knownETag: null, None));
    }

    [Fact]
    public async Task QueryWithoutSecretsIfChanged_pages_like_QueryWithoutSecrets_and_reads_only_what_the_reader_does_not_hold()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var created = new Dictionary<string, OpenShiftClusterDocument>();
        foreach (var name in new[] { "d", "c", "a", "b" })
        {
            var document = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", name), None);
            created[name] = document;
        }

        // The reader holds a at its ETag, b at an ETag it no longer has, and nothing of c or d.
        var staleB = created["b"].ETag!;
        created["b"].OpenShiftCluster.Tags!["Owner"] = "team-b";
        await Clusters.ReplaceAsync(created["b"], None);
        var held = new Dictionary<string, string> { [created["a"].Id] = created["a"].ETag!, [created["b"].Id] = staleB };
        var asked = new List<string>();
        bool IsKnown(string id, string etag)
        {
            asked.Add(id);
            return held.TryGetValue(id, out var known) && known == etag;
        }

        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);
        var expected = await Clusters.QueryWithoutSecretsAsync(partitionKey, null, null, 3, None);
        var first = await Clusters.QueryWithoutSecretsIfChangedAsync(partitionKey, null, null, 3, IsKnown, None);
        var second = await Clusters.QueryWithoutSecretsIfChangedAsync(partitionKey, null, first.ContinuationToken, 3, IsKnown, None);

        Assert.Equal(expected.Items.Select(c => (c.Id, c.ETag)), first.Items.Select(v => (v.Id, (string?)v.ETag)));
        Assert.Equal(expected.ContinuationToken, first.ContinuationToken);
        Assert.EndsWith("/d", Assert.Single(second.Items).Id, StringComparison.Ordinal);
        Assert.Null(second.ContinuationToken);
        var byName = first.Items.Concat(second.Items).ToDictionary(v => v.Id[(v.Id.LastIndexOf('/') + 1)..]);
        Assert.Equal("team-b", byName["b"].Document!.OpenShiftCluster.Tags!["Owner"]);
        Assert.All(new[] { "b", "c", "d" }, name => Assert.Equal(byName[name].ETag, byName[name].Document!.ETag));
        Assert.All(new[] { "b", "c", "d" }, name => AssertNoSecrets(byName[name].Document!));
        if (KnownDocumentsLeftUnread)
        {
            Assert.Null(byName["a"].Document);
            Assert.Contains(created["a"].Id, asked);
        }
        else
        {
            Assert.Equal(created["a"].ETag, byName["a"].Document!.ETag);
        }
    }
}
