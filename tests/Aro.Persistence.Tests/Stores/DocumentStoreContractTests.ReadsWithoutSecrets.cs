using System.Security.Cryptography;
using Aro.Persistence.Documents;

namespace Aro.Persistence.Tests.Stores;

/// <summary>
/// Reads that show a cluster (GET, list) leave its secrets sealed: every other field as a full read has it, the
/// secrets empty, and a sealed value that would not open fails nothing, since it is never opened.
/// </summary>
public abstract partial class DocumentStoreContractTests
{
    [Fact]
    public async Task GetWithoutSecrets_returns_the_cluster_and_its_ETag_with_every_secret_empty()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        var read = await Clusters.GetWithoutSecretsAsync(document.PartitionKey, document.Id, None);

        Assert.NotNull(read);
        Assert.Equal(document.Id, read.Id);
        Assert.Equal(document.PartitionKey, read.PartitionKey);
        Assert.Equal(document.ETag, read.ETag);
        Assert.Equal(document.OpenShiftCluster.Id, read.OpenShiftCluster.Id);
        Assert.Equal("team-a", read.OpenShiftCluster.Tags!["Owner"]);
        Assert.Equal(document.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientId, read.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientId);
        Assert.Equal("kubeadmin", read.OpenShiftCluster.Properties.Credentials!.KubeadminUsername);
        AssertNoSecrets(read);
    }

    [Fact]
    public async Task GetWithoutSecrets_of_a_missing_document_returns_null()
    {
        Assert.Null(await Clusters.GetWithoutSecretsAsync(TestDocuments.NewSubscriptionId(), "missing", None));
    }

    [Fact]
    public async Task QueryWithoutSecrets_pages_like_Query_with_every_secret_empty()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", name), None);
        }

        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId);
        var full = await Clusters.QueryAsync(partitionKey, null, null, 2, None);
        var first = await Clusters.QueryWithoutSecretsAsync(partitionKey, null, null, 2, None);
        var second = await Clusters.QueryWithoutSecretsAsync(partitionKey, null, first.ContinuationToken, 2, None);

        Assert.Equal(full.Items.Select(d => (d.Id, d.ETag)), first.Items.Select(c => (c.Id, c.ETag)));
        Assert.Equal(full.ContinuationToken, first.ContinuationToken);
        Assert.EndsWith("/c", Assert.Single(second.Items).Id, StringComparison.Ordinal);
        Assert.Null(second.ContinuationToken);
        Assert.All(first.Items.Concat(second.Items), AssertNoSecrets);
    }

    [Fact]
    public async Task A_secret_that_does_not_open_fails_a_full_read_but_not_a_read_without_secrets()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var source = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", "source"), None);
        var target = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", "target"), None);
        var sourceBody = await ReadStoredClusterAsync(source.PartitionKey, source.Id);

        await TamperAsync(target, body => body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"] = ClientSecretOf(sourceBody)!.DeepClone(), async () =>
        {
            await Assert.ThrowsAnyAsync<CryptographicException>(() => Clusters.GetAsync(target.PartitionKey, target.Id, None));

            var read = await Clusters.GetWithoutSecretsAsync(target.PartitionKey, target.Id, None);
            var page = await Clusters.QueryWithoutSecretsAsync(target.PartitionKey, null, null, 10, None);

            Assert.Equal(target.OpenShiftCluster.Id, read!.OpenShiftCluster.Id);
            Assert.Contains(page.Items, c => c.Id == target.Id);
        });
        await DeleteStoredClusterAsync(source.PartitionKey, source.Id);
    }

    [Fact]
    public void A_cluster_read_without_secrets_is_not_a_document_any_store_accepts()
    {
        Assert.False(typeof(IDocument).IsAssignableFrom(typeof(OpenShiftClusterWithoutSecrets)));
    }

    private static void AssertNoSecrets(OpenShiftClusterWithoutSecrets cluster)
    {
        var properties = cluster.OpenShiftCluster.Properties;
        Assert.Null(properties.ClusterProfile.PullSecret);
        Assert.Null(properties.ServicePrincipalProfile.ClientSecret);
        Assert.Null(properties.Credentials!.KubeadminPassword);
        Assert.Null(properties.Credentials.AdminKubeconfig);
    }
}
