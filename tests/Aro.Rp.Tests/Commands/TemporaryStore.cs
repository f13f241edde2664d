using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Orchestration;
using Aro.Persistence;
using Aro.Persistence.Documents;
using Aro.Persistence.Sagas;
using Aro.Persistence.Secrets;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Rp.Tests.Commands;

/// <summary>
/// A SQLite store in a temporary data directory, set up as the RP sets it up, for the operator commands to read: seeded
/// with clusters, their operations and saga instances written through the RP's own stores (so secrets are sealed).
/// </summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    public const string SubscriptionId = "5a4f1c2e-9d3b-4e6a-8c7f-0b1d2e3f4a5b";
    public const string ClientSecret = "client-secret-never-shown";
    public const string KubeadminPassword = "kubeadmin-password-never-shown";

    private readonly ServiceProvider _services;

    private TemporaryStore(string dataDirectory, ServiceProvider services)
    {
        DataDirectory = dataDirectory;
        _services = services;
        Clusters = services.GetRequiredService<IOpenShiftClusterStore>();
        Operations = services.GetRequiredService<IAsyncOperationStore>();
        Sagas = new SqliteSagaRepository<ClusterLifecycleState>(services.GetRequiredService<SqliteDatabase>());
    }

    public string DataDirectory { get; }

    public IOpenShiftClusterStore Clusters { get; }

    public IAsyncOperationStore Operations { get; }

    public SqliteSagaRepository<ClusterLifecycleState> Sagas { get; }

    public IServiceProvider Services => _services;

    /// <summary>The settings an operator's command reads: the RP's data directory, as ARO_DATA_DIR gives it.</summary>
    public IConfiguration Settings => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Rp:DataDirectory"] = DataDirectory })
        .Build();

    /// <param name="keyRing">Seals with these keys (as an RP on Key Vault does) instead of the data directory's key ring.</param>
    public static async Task<TemporaryStore> CreateAsync(ISecretKeyRing? keyRing = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("aro-operators-").FullName;
        var collection = new ServiceCollection()
            .AddLogging()
            .AddAroPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = dataDirectory }).Build());
        if (keyRing is not null)
        {
            collection.Replace(ServiceDescriptor.Singleton(keyRing));
        }

        var services = collection.BuildServiceProvider();
        var store = new TemporaryStore(dataDirectory, services);
        foreach (var schema in services.GetServices<Aro.Persistence.Stores.IStoreSchema>())
        {
            await schema.EnsureCreatedAsync(CancellationToken.None);
        }

        await store.Sagas.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }

    public static string ClusterId(string resourceGroup, string name) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";

    /// <summary>A cluster in <paramref name="state"/> whose operation (of the kind it started from) is at <paramref name="step"/>.</summary>
    public async Task<string> AddClusterAsync(
        string resourceGroup,
        string name,
        ProvisioningState state,
        string? step = null,
        int attempt = 1,
        CloudErrorBody? error = null,
        ProvisioningState initialState = ProvisioningState.Creating)
    {
        var id = ClusterId(resourceGroup, name);
        var operationId = Guid.NewGuid().ToString();
        var started = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await Operations.CreateAsync(new AsyncOperationDocument
        {
            Id = operationId,
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
            OpenShiftClusterKey = OpenShiftClusterDocument.KeyFor(id),
            InitialProvisioningState = initialState,
            AsyncOperation = new AsyncOperation
            {
                Id = $"/subscriptions/{SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{operationId}",
                Name = operationId,
                Status = state == ProvisioningState.Failed || state == ProvisioningState.Succeeded ? state : initialState,
                StartTime = started,
                EndTime = state.IsTerminal() ? started.AddMinutes(9) : null,
                PercentComplete = step is null ? null : 50,
                Error = error,
                Properties = step is null ? null : new AsyncOperationProperties { Step = step },
            },
        }, CancellationToken.None);
        await Clusters.CreateAsync(new OpenShiftClusterDocument
        {
            Id = OpenShiftClusterDocument.KeyFor(id),
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
            AsyncOperationId = operationId,
            LastProgressAt = started.AddMinutes(3),
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = id,
                Name = name,
                Type = ResourceProvider.OpenShiftClusterResourceType,
                Location = "eastus",
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = state,
                    FailedProvisioningState = state == ProvisioningState.Failed ? initialState : null,
                    LastError = error,
                    ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = "00000000-0000-0000-0000-00000000c1d0", ClientSecret = ClientSecret },
                    Credentials = new ClusterCredentials { KubeadminPassword = KubeadminPassword, AdminKubeconfig = "apiVersion: v1\nkind: Config\n" },
                },
            },
        }, CancellationToken.None);
        await Sagas.InsertAsync(new ClusterLifecycleState
        {
            CorrelationId = ClusterIdentity.FromResourceId(id),
            CurrentState = state switch
            {
                ProvisioningState.Succeeded => "Running",
                ProvisioningState.Failed => "Failed",
                _ => step ?? "ValidatingNetwork",
            },
            ResourceId = id,
            OperationId = operationId,
            Operation = initialState switch
            {
                ProvisioningState.Deleting => ClusterOperationKind.Delete,
                ProvisioningState.Updating => ClusterOperationKind.Update,
                _ => ClusterOperationKind.Create,
            },
            Attempt = attempt,
            ErrorCode = error?.Code,
            ErrorMessage = error?.Message,
            ErrorTarget = error?.Target,
        }, CancellationToken.None);
        return id;
    }

    /// <summary>Moves a cluster on, as the backend would: its step, its state, its error.</summary>
    public async Task AdvanceAsync(string id, ProvisioningState state, string? step, CloudErrorBody? error = null)
    {
        var document = (await Clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId), OpenShiftClusterDocument.KeyFor(id), CancellationToken.None))!;
        var operation = (await Operations.GetAsync(document.PartitionKey, document.AsyncOperationId!, CancellationToken.None))!;
        operation.AsyncOperation.Properties = step is null ? operation.AsyncOperation.Properties : new AsyncOperationProperties { Step = step };
        operation.AsyncOperation.Status = state.IsTerminal() ? state : operation.AsyncOperation.Status;
        operation.AsyncOperation.Error = error;
        await Operations.ReplaceAsync(operation, CancellationToken.None);
        var saga = (await Sagas.LoadAsync(ClusterIdentity.FromResourceId(id), CancellationToken.None))!;
        saga.CurrentState = state switch
        {
            ProvisioningState.Succeeded => "Running",
            ProvisioningState.Failed => "Failed",
            _ => step ?? saga.CurrentState,
        };
        saga.ErrorCode = error?.Code;
        saga.ErrorMessage = error?.Message;
        await Sagas.UpdateAsync(saga, CancellationToken.None);
        document.OpenShiftCluster.Properties.ProvisioningState = state;
        document.OpenShiftCluster.Properties.LastError = error;
        await Clusters.ReplaceAsync(document, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
