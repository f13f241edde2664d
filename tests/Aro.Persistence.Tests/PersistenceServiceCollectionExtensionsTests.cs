using Aro.Persistence.Sagas;
using Aro.Persistence.Scheduling;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Sagas;
using Aro.Persistence.Tests.Stores;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aro.Persistence.Tests;

public sealed class PersistenceServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Starting_the_host_creates_the_database_and_the_key_and_the_store_is_healthy()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = _directory.Path });

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.True(File.Exists(Path.Combine(_directory.Path, "aro.db")));
        Assert.Single(Directory.GetFiles(Path.Combine(_directory.Path, "keys"), "*.key"));
        Assert.Equal(HealthStatus.Healthy, health.Entries[PersistenceServiceCollectionExtensions.HealthCheckName].Status);
    }

    [Fact]
    public async Task The_stores_are_singletons_behind_their_interfaces()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = _directory.Path });
        var services = host.Services;

        Assert.Same(services.GetRequiredService<IOpenShiftClusterStore>(), services.GetRequiredService<SqliteOpenShiftClusterStore>());
        Assert.Same(services.GetRequiredService<ISubscriptionStore>(), services.GetRequiredService<ISubscriptionStore>());
        Assert.IsType<SqliteAsyncOperationStore>(services.GetRequiredService<IAsyncOperationStore>());
        Assert.Same(services.GetRequiredService<IScheduledMessageStore>(), services.GetRequiredService<SqliteScheduledMessageStore>());
        Assert.Equal(4, services.GetServices<IStoreSchema>().Count());

        var store = services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);
        Assert.NotNull(await store.GetAsync(document.PartitionKey, document.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_data_directory_stops_the_host_at_start()
    {
        using var host = BuildHost([]);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Persistence:DataDirectory", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mongodb", "Persistence:Store must be sqlite or cosmos (ARO_STORE)")]
    [InlineData("cosmos", "set ARO_COSMOS_ENDPOINT")]
    [InlineData("cosmos", "set ARO_COSMOS_KEY")]
    public async Task A_store_setting_that_cannot_work_stops_the_host_at_start(string store, string expectedMessage)
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Persistence:DataDirectory"] = _directory.Path,
            ["Persistence:Store"] = store,
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sagas_follow_the_store_selection()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = _directory.Path }, bus =>
            bus.AddSaga<TestSaga>().AroRepository());

        Assert.IsType<SqliteSagaRepository<TestSaga>>(host.Services.GetRequiredService<ISagaInstanceStore<TestSaga>>());
        // Clusters, subscriptions, async operations, scheduled messages, and the saga.
        Assert.Equal(5, host.Services.GetServices<IStoreSchema>().Count());
        await host.StartAsync();
        await host.StopAsync();
    }

    /// <summary>A host with the persistence as AddAroPersistence registers it, and optionally a bus for sagas.</summary>
    internal static IHost BuildHost(Dictionary<string, string?> settings, Action<IBusRegistrationConfigurator>? sagas = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAroPersistence(builder.Configuration);
        if (sagas is not null)
        {
            builder.Services.AddMassTransit(bus =>
            {
                bus.DisableUsageTelemetry();
                sagas(bus);
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            });
        }

        return builder.Build();
    }
}
