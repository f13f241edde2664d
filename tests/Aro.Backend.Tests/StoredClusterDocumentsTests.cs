using Aro.Api.Model;
using Aro.Backend;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Backend.Tests;

public sealed class StoredClusterDocumentsTests : IAsyncLifetime
{
    private const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
    private const string ResourceId = $"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/mycluster";
    private const string OperationId = "0f6d2c1e-5b8a-4c3d-9e7f-1a2b3c4d5e6f";

    private readonly TemporarySqliteStore _store = TemporarySqliteStore.Create();
    private IOpenShiftClusterStore _clusters = null!;
    private StoredClusterDocuments _documents = null!;

    public Task InitializeAsync()
    {
        _clusters = _store.Get<IOpenShiftClusterStore>();
        _documents = new StoredClusterDocuments(_clusters, _store.Get<IAsyncOperationStore>(), TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Reads_the_cluster_with_the_operation_acting_on_it()
    {
        await StoreAsync(OperationId);

        var stored = await _documents.GetAsync(ResourceId, CancellationToken.None);

        Assert.Equal(ResourceId, stored?.Cluster.Id);
        Assert.Equal(OperationId, stored?.OperationId);
        Assert.Null(stored!.Supersedes(OperationId.ToUpperInvariant()));
        Assert.Equal("op-late", stored.Supersedes("op-late")?.OperationId);
    }

    [Fact]
    public async Task A_cluster_that_does_not_exist_reads_and_updates_as_null()
    {
        Assert.Null(await _documents.GetAsync(ResourceId, CancellationToken.None));
        Assert.Null(await _documents.UpdateAsync(ResourceId, OperationId, cluster => cluster.Properties.InfraId = "x", CancellationToken.None));
    }

    [Fact]
    public async Task The_current_operation_writes_its_change_in_any_case()
    {
        var before = await StoreAsync(OperationId);

        var stored = await _documents.UpdateAsync(ResourceId, OperationId.ToUpperInvariant(), cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None);

        Assert.Equal("mycluster-abcde", stored?.Cluster.Properties.InfraId);
        var document = await ReadAsync();
        Assert.Equal("mycluster-abcde", document.OpenShiftCluster.Properties.InfraId);
        Assert.NotEqual(before.ETag, document.ETag);
    }

    [Fact]
    public async Task Another_operation_writes_nothing_and_learns_which_operation_acts()
    {
        var before = await StoreAsync(OperationId);

        var stored = await _documents.UpdateAsync(ResourceId, "op-late", cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None);

        Assert.Equal(OperationId, stored?.OperationId);
        Assert.Null(stored?.Cluster.Properties.InfraId);
        var document = await ReadAsync();
        Assert.Null(document.OpenShiftCluster.Properties.InfraId);
        Assert.Equal(before.ETag, document.ETag);
    }

    [Fact]
    public async Task A_write_from_what_the_step_read_lands_on_that_ETag()
    {
        await StoreAsync(OperationId);
        var basis = (await _documents.GetAsync(ResourceId, CancellationToken.None))!;

        var stored = await _documents.UpdateAsync(basis, ResourceId, OperationId, cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None);

        var document = await ReadAsync();
        Assert.Equal("mycluster-abcde", document.OpenShiftCluster.Properties.InfraId);
        Assert.Equal(document.ETag, ((OpenShiftClusterDocument)stored!.StoreState!).ETag);
        Assert.NotNull(document.LastProgressAt);
    }

    [Fact]
    public async Task A_write_from_a_read_somebody_wrote_after_applies_the_change_to_what_is_stored()
    {
        await StoreAsync(OperationId);
        var basis = (await _documents.GetAsync(ResourceId, CancellationToken.None))!;
        await _documents.UpdateAsync(ResourceId, OperationId, cluster => (cluster.Tags ??= [])["written"] = "meanwhile", CancellationToken.None);

        var stored = await _documents.UpdateAsync(basis, ResourceId, OperationId, cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None);

        var document = await ReadAsync();
        Assert.Equal(("mycluster-abcde", "meanwhile"), (document.OpenShiftCluster.Properties.InfraId, document.OpenShiftCluster.Tags!["written"]));
        Assert.Equal(document.ETag, ((OpenShiftClusterDocument)stored!.StoreState!).ETag);
    }

    [Fact]
    public async Task A_write_from_a_read_after_which_another_operation_took_the_cluster_writes_nothing()
    {
        await StoreAsync(OperationId);
        var basis = (await _documents.GetAsync(ResourceId, CancellationToken.None))!;
        var handedOver = await ReadAsync();
        handedOver.AsyncOperationId = "op-delete";
        await _clusters.ReplaceAsync(handedOver, CancellationToken.None);

        var stored = await _documents.UpdateAsync(basis, ResourceId, OperationId, cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None);

        Assert.Equal("op-delete", stored?.OperationId);
        Assert.Null((await ReadAsync()).OpenShiftCluster.Properties.InfraId);
    }

    [Fact]
    public async Task A_write_from_a_read_of_a_cluster_deleted_since_is_null()
    {
        await StoreAsync(OperationId);
        var basis = (await _documents.GetAsync(ResourceId, CancellationToken.None))!;
        await _clusters.DeleteAsync(await ReadAsync(), CancellationToken.None);

        Assert.Null(await _documents.UpdateAsync(basis, ResourceId, OperationId, cluster => cluster.Properties.InfraId = "mycluster-abcde", CancellationToken.None));
    }

    private Task<OpenShiftClusterDocument> StoreAsync(string operationId)
    {
        var cluster = new OpenShiftCluster { Id = ResourceId, Name = "mycluster", Location = "eastus" };
        cluster.Properties.ProvisioningState = ProvisioningState.Creating;
        return _clusters.CreateAsync(
            new OpenShiftClusterDocument
            {
                Id = OpenShiftClusterDocument.KeyFor(ResourceId),
                PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
                AsyncOperationId = operationId,
                OpenShiftCluster = cluster,
            },
            CancellationToken.None);
    }

    private async Task<OpenShiftClusterDocument> ReadAsync() =>
        (await _clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId), OpenShiftClusterDocument.KeyFor(ResourceId), CancellationToken.None))!;
}
