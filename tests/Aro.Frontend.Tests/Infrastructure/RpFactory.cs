using System.Text.Json.Nodes;
using Aro.Persistence.Documents;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Infrastructure;

/// <summary>
/// The real RP host, in process, on a fresh data directory, with MassTransit's test harness in place of
/// the bus so tests can see what the frontend publishes.
/// </summary>
public sealed class RpFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-frontend-tests-").FullName;
    private readonly Action<IServiceCollection>? _configureServices;

    public RpFactory()
    {
    }

    /// <summary>A host with some services replaced, e.g. by failing fakes.</summary>
    internal RpFactory(Action<IServiceCollection> configureServices)
    {
        _configureServices = configureServices;
    }

    public const string Location = "eastus";

    /// <summary>A client whose every response is held to the swagger of its api-version (<see cref="SwaggerConformanceHandler"/>).</summary>
    public HttpClient CreateArmClient() => CreateDefaultClient(new SwaggerConformanceHandler());

    /// <summary>Whether the frontend published a <typeparamref name="T"/> matching <paramref name="filter"/>.</summary>
    public async Task<bool> PublishedAsync<T>(FilterDelegate<IPublishedMessage<T>> filter)
        where T : class
    {
        var harness = Services.GetTestHarness();
        await harness.Start();
        return await harness.Published.Any<T>(filter);
    }

    /// <summary>Whether the frontend published any message, of whatever type, matching <paramref name="filter"/>.</summary>
    public async Task<bool> PublishedAnyAsync(FilterDelegate<IPublishedMessage> filter)
    {
        var harness = Services.GetTestHarness();
        await harness.Start();
        return await harness.Published.Any(filter);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The frontend alone: its tests play the backend themselves (UpdateClusterAsync).
        builder.UseSetting("Rp:Components", "frontend");
        builder.UseSetting("Rp:DataDirectory", _dataDirectory);
        builder.UseSetting("Persistence:DataDirectory", _dataDirectory);
        builder.UseSetting("Frontend:Location", Location);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            _configureServices?.Invoke(services);
        });
    }

    /// <summary>Changes a stored cluster the way the backend would (e.g. to finish an operation).</summary>
    public async Task UpdateClusterAsync(string subscriptionId, string resourceId, Action<OpenShiftClusterDocument> change)
    {
        var store = Services.GetRequiredService<IOpenShiftClusterStore>();
        var updated = await store.UpdateWithRetryAsync(
            OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            OpenShiftClusterDocument.KeyFor(resourceId),
            document =>
            {
                change(document);
                return true;
            },
            CancellationToken.None);
        Assert.NotNull(updated);
    }

    /// <summary>Changes a stored async operation the way the backend's projection would (e.g. to end it).</summary>
    public async Task UpdateOperationAsync(string subscriptionId, string operationId, Action<AsyncOperationDocument> change)
    {
        var store = Services.GetRequiredService<IAsyncOperationStore>();
        var updated = await store.UpdateWithRetryAsync(
            OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            operationId,
            document =>
            {
                change(document);
                return true;
            },
            CancellationToken.None);
        Assert.NotNull(updated);
    }

    /// <summary>Removes a stored cluster the way the backend does once its teardown has finished.</summary>
    public async Task DeleteClusterDocumentAsync(string subscriptionId, string resourceId)
    {
        var store = Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), OpenShiftClusterDocument.KeyFor(resourceId), CancellationToken.None);
        Assert.NotNull(document);
        await store.DeleteAsync(document, CancellationToken.None);
    }

    /// <summary>
    /// Rewrites a stored cluster's JSON behind the RP's back, as someone with write access to the database (not the
    /// RP) could: the frontend's store is SQLite here.
    /// </summary>
    public async Task RewriteStoredClusterAsync(string subscriptionId, string resourceId, Func<JsonObject, JsonObject> change)
    {
        await using var connection = await Services.GetRequiredService<SqliteDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var read = StoredClusterCommand(connection, "SELECT body FROM open_shift_clusters WHERE partition_key = @partitionKey AND id = @id;", subscriptionId, resourceId);
        var body = change(JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!.AsObject());
        await using var write = StoredClusterCommand(connection, "UPDATE open_shift_clusters SET body = @body WHERE partition_key = @partitionKey AND id = @id;", subscriptionId, resourceId);
        write.Parameters.AddWithValue("@body", body.ToJsonString());
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }

    private static SqliteCommand StoredClusterCommand(SqliteConnection connection, string sql, string subscriptionId, string resourceId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@partitionKey", OpenShiftClusterDocument.PartitionKeyFor(subscriptionId));
        command.Parameters.AddWithValue("@id", OpenShiftClusterDocument.KeyFor(resourceId));
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp directory is cleaned by the OS.
            }
        }
    }
}
