using Aro.Api.Model;
using Aro.Persistence.Stores;

namespace Aro.Persistence.Tests.Stores;

/// <summary>The cluster writes that carry an operation with them (the PUT's, and an outcome's), on every store.</summary>
public abstract partial class DocumentStoreContractTests
{
    [Fact]
    public async Task A_create_with_its_new_operation_stores_both()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var operation = TestDocuments.AsyncOperation(subscriptionId);
        var cluster = TestDocuments.Cluster(subscriptionId);
        cluster.AsyncOperationId = operation.Id;

        var written = await Clusters.WriteWithNewOperationAsync(cluster, create: true, operation, None);

        var stored = await Clusters.GetAsync(cluster.PartitionKey, cluster.Id, None);
        Assert.Equal(written.ETag, stored!.ETag);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.Equal(operation.Id, stored.AsyncOperationId);
        var recorded = await AsyncOperations.GetAsync(operation.PartitionKey, operation.Id, None);
        Assert.Equal(operation.AsyncOperation.Status, recorded!.AsyncOperation.Status);
        Assert.Equal(operation.ETag, recorded.ETag);
    }

    [Fact]
    public async Task A_replace_with_its_new_operation_points_the_cluster_at_it()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var cluster = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), None);
        var operation = TestDocuments.AsyncOperation(subscriptionId);
        cluster.AsyncOperationId = operation.Id;
        cluster.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Updating;

        await Clusters.WriteWithNewOperationAsync(cluster, create: false, operation, None);

        var stored = await Clusters.GetAsync(cluster.PartitionKey, cluster.Id, None);
        Assert.Equal((operation.Id, ProvisioningState.Updating), (stored!.AsyncOperationId, stored.OpenShiftCluster.Properties.ProvisioningState));
        Assert.NotNull(await AsyncOperations.GetAsync(operation.PartitionKey, operation.Id, None));
    }

    [Fact]
    public async Task A_write_with_a_new_operation_fails_as_a_plain_write_would_and_leaves_the_cluster_alone()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var first = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), None);
        var stale = await Clusters.GetAsync(first.PartitionKey, first.Id, None);
        first.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await Clusters.ReplaceAsync(first, None);

        var again = TestDocuments.Cluster(subscriptionId);
        await Assert.ThrowsAsync<DocumentConflictException>(() => Clusters.WriteWithNewOperationAsync(again, create: true, TestDocuments.AsyncOperation(subscriptionId), None));
        stale!.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Updating;
        var staleETag = stale.ETag;
        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Clusters.WriteWithNewOperationAsync(stale, create: false, TestDocuments.AsyncOperation(subscriptionId), None));

        Assert.Equal(staleETag, stale.ETag);
        var stored = await Clusters.GetAsync(first.PartitionKey, first.Id, None);
        Assert.Equal((first.ETag, ProvisioningState.Succeeded), (stored!.ETag, stored.OpenShiftCluster.Properties.ProvisioningState));
    }

    [Fact]
    public async Task An_update_with_the_operation_changes_both_and_retries_both_after_a_lost_race()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var operation = await AsyncOperations.CreateAsync(TestDocuments.AsyncOperation(subscriptionId), None);
        var cluster = TestDocuments.Cluster(subscriptionId);
        cluster.AsyncOperationId = operation.Id;
        await Clusters.CreateAsync(cluster, None);
        var attempts = 0;

        var written = await Clusters.UpdateWithOperationAsync(
            cluster.PartitionKey,
            cluster.Id,
            document =>
            {
                if (++attempts == 1)
                {
                    // Another writer slips in between this attempt's read and its write.
                    var theirs = Clusters.GetAsync(cluster.PartitionKey, cluster.Id, None).GetAwaiter().GetResult()!;
                    theirs.OpenShiftCluster.Tags = new Dictionary<string, string> { ["Owner"] = "team-b" };
                    Clusters.ReplaceAsync(theirs, None).GetAwaiter().GetResult();
                }

                document.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
                return true;
            },
            operation.Id,
            document =>
            {
                document.AsyncOperation.Status = ProvisioningState.Succeeded;
                return true;
            },
            None);

        Assert.Equal(2, attempts);
        var stored = await Clusters.GetAsync(cluster.PartitionKey, cluster.Id, None);
        Assert.Equal((ProvisioningState.Succeeded, "team-b", written!.ETag), (stored!.OpenShiftCluster.Properties.ProvisioningState, stored.OpenShiftCluster.Tags!["Owner"], stored.ETag));
        Assert.Equal(ProvisioningState.Succeeded, (await AsyncOperations.GetAsync(operation.PartitionKey, operation.Id, None))!.AsyncOperation.Status);
    }

    [Fact]
    public async Task An_update_with_the_operation_writes_only_what_its_changes_ask_for()
    {
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var operation = await AsyncOperations.CreateAsync(TestDocuments.AsyncOperation(subscriptionId), None);
        var cluster = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId), None);
        var (clusterETag, operationETag) = (cluster.ETag, operation.ETag);

        var returned = await Clusters.UpdateWithOperationAsync(cluster.PartitionKey, cluster.Id, _ => false, operation.Id, _ => false, None);
        var missing = await Clusters.UpdateWithOperationAsync(cluster.PartitionKey, "missing", _ => true, operation.Id, _ => false, None);

        Assert.Equal(clusterETag, returned!.ETag);
        Assert.Null(missing);
        Assert.Equal(clusterETag, (await Clusters.GetAsync(cluster.PartitionKey, cluster.Id, None))!.ETag);
        Assert.Equal(operationETag, (await AsyncOperations.GetAsync(operation.PartitionKey, operation.Id, None))!.ETag);
    }
}
