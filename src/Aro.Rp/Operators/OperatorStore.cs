using Aro.Api.Resources;
using Aro.Orchestration;
using Aro.Persistence;
using Aro.Persistence.Cosmos;
using Aro.Persistence.Documents;
using Aro.Persistence.Sagas;
using Aro.Persistence.Secrets;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Aro.Rp.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Operators;

/// <summary>
/// The store the RP is configured with (ARO_STORE, ARO_DATA_DIR, ARO_COSMOS_*: the same settings, read the same way),
/// opened by an operator's command without starting the RP: documents, the lifecycle sagas and the secret key ring.
/// It never creates a store: pointed at a directory with no database, it says so.
/// </summary>
internal sealed class OperatorStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PersistenceOptions _options;
    private readonly IAsyncDisposable? _keySource;

    private OperatorStore(ServiceProvider services, PersistenceOptions options, IAsyncDisposable? keySource)
    {
        _services = services;
        _options = options;
        _keySource = keySource;
        Clusters = services.GetRequiredService<IOpenShiftClusterStore>();
        Operations = services.GetRequiredService<IAsyncOperationStore>();
        Sagas = options.UsesCosmos
            ? new CosmosSagaRepository<ClusterLifecycleState>(services.GetRequiredService<CosmosDatabase>())
            : new SqliteSagaRepository<ClusterLifecycleState>(services.GetRequiredService<SqliteDatabase>());
    }

    public IOpenShiftClusterStore Clusters { get; }

    public IAsyncOperationStore Operations { get; }

    public ISagaInstanceStore<ClusterLifecycleState> Sagas { get; }

    public ISecretKeyRing KeyRing => _services.GetRequiredService<ISecretKeyRing>();

    /// <summary>Where the documents are, for the operator's eyes.</summary>
    public string Description => _options.UsesCosmos
        ? $"Cosmos DB {_options.Cosmos.Endpoint} database {_options.Cosmos.DatabaseName}"
        : $"SQLite {Path.Combine(Path.GetFullPath(_options.DataDirectory), SqliteDatabase.FileName)}";

    /// <summary>
    /// Opens the configured store with the keys the RP seals with, or throws <see cref="OperatorCommandException"/> naming
    /// the setting to fix: with ARO_KEYVAULT_URL, every enabled version of the Key Vault sealing-key secret (the newest
    /// seals), read with the RP's Key Vault credential; without it, the file key ring of the data directory.
    /// </summary>
    public static async Task<OperatorStore> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var keyVault = KeyVaultSealingKeySource.OpenConfigured(configuration);
        if (keyVault is null)
        {
            return Open(configuration, keyRing: null, keySource: null);
        }

        OperatorStore store;
        try
        {
            // The store first: a missing one is said without asking the vault anything.
            store = Open(configuration, keyVault.KeyRing, keyVault);
        }
        catch
        {
            await keyVault.DisposeAsync();
            throw;
        }

        try
        {
            await keyVault.ReadAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens the configured store with secrets sealed and opened by <paramref name="keyRing"/> (a rotation's), or throws
    /// <see cref="OperatorCommandException"/> naming the setting to fix.
    /// </summary>
    public static OperatorStore Open(IConfiguration configuration, ISecretKeyRing keyRing) => Open(configuration, keyRing, keySource: null);

    private static OperatorStore Open(IConfiguration configuration, ISecretKeyRing? keyRing, IAsyncDisposable? keySource)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAroPersistence(configuration);
        if (keyRing is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(keyRing));
        }

        services.AddAroCosmosCredential(configuration);
        var dataDirectory = configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.DataDirectory)}"] ?? new RpOptions().DataDirectory;
        services.AddOptions<PersistenceOptions>().Configure(persistence =>
        {
            // As the RP does: one data directory unless the store is pointed elsewhere explicitly.
            if (string.IsNullOrWhiteSpace(persistence.DataDirectory))
            {
                persistence.DataDirectory = dataDirectory;
            }
        });
        var provider = services.BuildServiceProvider();
        PersistenceOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new OperatorCommandException(string.Join(" ", e.Failures));
        }

        var database = Path.Combine(Path.GetFullPath(options.DataDirectory), SqliteDatabase.FileName);
        if (!options.UsesCosmos && !File.Exists(database))
        {
            provider.Dispose();
            throw new OperatorCommandException(
                $"There is no RP store at {database}: set ARO_DATA_DIR to the RP's data directory (or ARO_STORE=cosmos and ARO_COSMOS_*).");
        }

        return new OperatorStore(provider, options, keySource);
    }

    /// <summary>Every cluster of every subscription, in key order (a scan: for operators, never for client requests).</summary>
    public IAsyncEnumerable<OpenShiftClusterDocument> ListAllClustersAsync(CancellationToken cancellationToken) =>
        _options.UsesCosmos
            ? _services.GetRequiredService<CosmosOpenShiftClusterStore>().ListAllAsync(cancellationToken)
            : _services.GetRequiredService<SqliteOpenShiftClusterStore>().ListAllAsync(cancellationToken);

    /// <summary>A cluster by its resource id (any case), with its operation and saga; unknown ids are an <see cref="OperatorCommandException"/>.</summary>
    public async Task<ClusterStatus> GetClusterAsync(string resourceId, CancellationToken cancellationToken)
    {
        if (!ResourceId.TryParse(resourceId, out var parsed) || parsed.ResourceType is null
            || !string.Equals(parsed.ResourceType, ResourceProvider.OpenShiftClusterResourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new OperatorCommandException(
                $"'{resourceId}' is not a cluster resource id (/subscriptions/<id>/resourceGroups/<group>/providers/{ResourceProvider.Namespace}/{ResourceProvider.OpenShiftClustersType}/<name>).");
        }

        var document = await Clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(parsed.SubscriptionId), OpenShiftClusterDocument.KeyFor(parsed.Id), cancellationToken)
            ?? throw new OperatorCommandException($"There is no cluster {parsed.Id} in {Description}.");
        return await StatusOfAsync(document, cancellationToken);
    }

    /// <summary>The cluster with the operation acting on it and its lifecycle saga, as stored now.</summary>
    public async Task<ClusterStatus> StatusOfAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        var operation = document.AsyncOperationId is { } operationId
            ? await Operations.GetAsync(document.PartitionKey, operationId, cancellationToken)
            : null;
        var saga = await Sagas.LoadAsync(ClusterIdentity.FromResourceId(document.OpenShiftCluster.Id), cancellationToken);
        return new ClusterStatus(document, operation, saga);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_keySource is not null)
        {
            await _keySource.DisposeAsync();
        }
    }
}
