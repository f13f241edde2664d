using Aro.Persistence.Cosmos;
using Aro.Persistence.Sagas;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Sagas;
using Aro.Persistence.Tests.Stores;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>AddAroPersistence with Persistence:Store=cosmos, as the host runs it with ARO_STORE=cosmos.</summary>
[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosPersistenceHostTests(CosmosTestServer server) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    // A database of the test's own, so that the host's start-up is what creates it and its containers.
    private readonly string _databaseName = $"aro-host-{Guid.NewGuid():N}";

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Starting_the_host_creates_the_containers_and_the_store_and_the_sagas_are_cosmos_and_healthy()
    {
        using var host = BuildHost();

        await host.StartAsync();
        var health = await HealthOnceReadyAsync(host);
        var clusters = host.Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);
        var read = await clusters.GetAsync(document.PartitionKey, document.Id, CancellationToken.None);
        var sagas = host.Services.GetRequiredService<ISagaInstanceStore<TestSaga>>();
        await sagas.InsertAsync(new TestSaga { CorrelationId = Guid.NewGuid() }, CancellationToken.None);
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Entries[PersistenceServiceCollectionExtensions.HealthCheckName].Status);
        Assert.IsType<CosmosOpenShiftClusterStore>(clusters);
        Assert.IsType<CosmosSubscriptionStore>(host.Services.GetRequiredService<ISubscriptionStore>());
        Assert.IsType<CosmosAsyncOperationStore>(host.Services.GetRequiredService<IAsyncOperationStore>());
        Assert.IsType<CosmosSagaRepository<TestSaga>>(sagas);
        Assert.Equal(document.ETag, read!.ETag);
        Assert.False(File.Exists(Path.Combine(_directory.Path, "aro.db")));
        var containers = new List<string>();
        using var iterator = server.Database.Client.GetDatabase(_databaseName).GetContainerQueryIterator<Microsoft.Azure.Cosmos.ContainerProperties>();
        while (iterator.HasMoreResults)
        {
            containers.AddRange((await iterator.ReadNextAsync()).Select(container => container.Id));
        }

        Assert.Equal(
            new[] { ContainerNames.AsyncOperations, ContainerNames.ClusterDomains, ContainerNames.OpenShiftClusters, ContainerNames.ScheduledMessages, CosmosSagaRepository<TestSaga>.DefaultContainerName, ContainerNames.Subscriptions }.Order(StringComparer.Ordinal),
            containers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_account_that_does_not_answer_makes_the_store_unhealthy()
    {
        using var host = BuildHost(endpoint: "https://127.0.0.1:1/");

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Entries[PersistenceServiceCollectionExtensions.HealthCheckName].Status);
    }

    [Fact]
    public async Task Without_creating_containers_a_missing_container_stops_the_host_with_a_clear_message()
    {
        using var host = BuildHost(createContainers: false);

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(stopping.SetResult);

        // Cosmos DB is awaited in the background (it may come after the RP); a container it says is missing is no
        // reason to wait: the host stops, and the refusal names the setting (aro-rp prints it, exit code 1).
        await host.StartAsync();
        await stopping.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var refusal = host.Services.GetRequiredService<StoreReadiness>().Refusal;
        Assert.NotNull(refusal);
        Assert.Contains("ARO_COSMOS_CREATE_CONTAINERS", refusal, StringComparison.Ordinal);
        Assert.False(host.Services.GetRequiredService<StoreReadiness>().IsReady);
    }

    // The host starts at once and initializes Cosmos DB in the background: the store is unready until that is done.
    private static async Task<HealthReport> HealthOnceReadyAsync(IHost host)
    {
        var readiness = host.Services.GetRequiredService<StoreReadiness>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!readiness.IsReady)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }

        return await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }

    private IHost BuildHost(string? endpoint = null, bool createContainers = true) =>
        PersistenceServiceCollectionExtensionsTests.BuildHost(
            new Dictionary<string, string?>
            {
                ["Persistence:DataDirectory"] = _directory.Path,
                ["Persistence:Store"] = "cosmos",
                ["Persistence:Cosmos:Endpoint"] = endpoint ?? server.Endpoint,
                ["Persistence:Cosmos:Key"] = CosmosTestServer.Key,
                ["Persistence:Cosmos:DatabaseName"] = _databaseName,
                ["Persistence:Cosmos:AllowUntrustedCertificates"] = "true",
                ["Persistence:Cosmos:CreateContainers"] = createContainers ? "true" : "false",
            },
            bus => bus.AddSaga<TestSaga>().AroRepository());
}
