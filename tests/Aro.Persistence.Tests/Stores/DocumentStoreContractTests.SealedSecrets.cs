using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Aro.Persistence.Documents;

namespace Aro.Persistence.Tests.Stores;

/// <summary>
/// Sealed secrets are bound to their document and field in every store: a value moved in the stored JSON (as
/// someone with write access to the database, not the RP, could) does not open, and neither does a plaintext value.
/// </summary>
public abstract partial class DocumentStoreContractTests
{
    /// <summary>The stored JSON of a cluster document, as the database holds it.</summary>
    protected abstract Task<JsonObject> ReadStoredClusterAsync(string partitionKey, string id);

    /// <summary>Overwrites the stored JSON of a cluster document behind the store's back.</summary>
    protected abstract Task WriteStoredClusterAsync(string partitionKey, string id, JsonObject body);

    /// <summary>Deletes a cluster document behind the store's back (it may no longer be readable through the store).</summary>
    protected abstract Task DeleteStoredClusterAsync(string partitionKey, string id);

    [Fact]
    public async Task Secrets_round_trip_sealed()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        var stored = await ReadStoredClusterAsync(document.PartitionKey, document.Id);
        var read = await Clusters.GetAsync(document.PartitionKey, document.Id, None);

        Assert.StartsWith("enc:v2:", (string)ClientSecretOf(stored)!, StringComparison.Ordinal);
        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(read!));
    }

    [Fact]
    public async Task A_secret_copied_from_another_document_does_not_open()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var source = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", "source"), None);
        var target = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, "rg", "target"), None);
        var sourceBody = await ReadStoredClusterAsync(source.PartitionKey, source.Id);

        await TamperAsync(target, body => body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"] = ClientSecretOf(sourceBody)!.DeepClone(), async () =>
        {
            var refused = await Assert.ThrowsAnyAsync<CryptographicException>(() => Clusters.GetAsync(target.PartitionKey, target.Id, None));

            Assert.Contains("'clientSecret'", refused.Message, StringComparison.Ordinal);
            Assert.Contains(target.Id, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(source.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientSecret!, refused.ToString(), StringComparison.Ordinal);
        });
        Assert.NotNull(await Clusters.GetAsync(source.PartitionKey, source.Id, None));
    }

    [Fact]
    public async Task A_secret_copied_into_another_field_does_not_open()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        await TamperAsync(document, body => body["openShiftCluster"]!["properties"]!["clusterProfile"]!["pullSecret"] = ClientSecretOf(body)!.DeepClone(), async () =>
        {
            var refused = await Assert.ThrowsAnyAsync<CryptographicException>(() => Clusters.GetAsync(document.PartitionKey, document.Id, None));

            Assert.Contains("'pullSecret'", refused.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_plaintext_secret_is_refused()
    {
        var document = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), None);

        await TamperAsync(document, body => body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"] = "planted-plaintext", async () =>
        {
            var refused = await Assert.ThrowsAnyAsync<CryptographicException>(() => Clusters.GetAsync(document.PartitionKey, document.Id, None));

            Assert.Contains("not a sealed value", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("planted-plaintext", refused.ToString(), StringComparison.Ordinal);
        });
    }

    private static JsonNode? ClientSecretOf(JsonObject body) =>
        body["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"];

    /// <summary>
    /// Changes the stored JSON, runs the assertions, and removes the document whatever happens: sweeps across
    /// partitions of a shared database would otherwise meet it in other tests.
    /// </summary>
    private async Task TamperAsync(OpenShiftClusterDocument document, Action<JsonObject> change, Func<Task> assert)
    {
        try
        {
            var body = await ReadStoredClusterAsync(document.PartitionKey, document.Id);
            change(body);
            await WriteStoredClusterAsync(document.PartitionKey, document.Id, body);
            await assert();
        }
        finally
        {
            await DeleteStoredClusterAsync(document.PartitionKey, document.Id);
        }
    }
}
