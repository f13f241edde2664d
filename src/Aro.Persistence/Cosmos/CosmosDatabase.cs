using System.Net;
using Azure.Core;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// One Cosmos DB database and the single <see cref="CosmosClient"/> of the process (the SDK wants one per account
/// and process: it pools connections and caches the account's topology). Every container is partitioned on
/// <see cref="PartitionKeyPath"/>, which every stored document carries.
/// </summary>
public sealed class CosmosDatabase : IDisposable
{
    public const string PartitionKeyPath = "/partitionKey";

    /// <summary>
    /// How often, and for how long in total, the SDK retries a request the account throttled (429) before the
    /// caller sees it. Above the SDK's defaults (9 times, 30 s) a request would hold its caller (an ARM request
    /// with its own timeout, a message with its own retry policy) longer than is useful.
    /// </summary>
    public const int MaxRetryAttemptsOnRateLimitedRequests = 9;

    public static readonly TimeSpan MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30);

    private readonly CosmosClient _client;
    private readonly bool _createContainers;
    private readonly OneTimeInitialization _database;

    /// <param name="credential">Used when <paramref name="options"/> carry no key: the SDK asks it for a token of the account's scope.</param>
    public CosmosDatabase(CosmosStoreOptions options, TokenCredential? credential = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabaseName);
        if (string.IsNullOrWhiteSpace(options.Key) && credential is null)
        {
            throw new ArgumentException("A Cosmos DB client needs an account key or a token credential.", nameof(credential));
        }

        Endpoint = options.Endpoint;
        DatabaseName = options.DatabaseName;
        _createContainers = options.CreateContainers;
        _client = string.IsNullOrWhiteSpace(options.Key)
            ? new CosmosClient(options.Endpoint, credential, ClientOptions(options))
            : new CosmosClient(options.Endpoint, options.Key, ClientOptions(options));
        _database = new OneTimeInitialization(CreateDatabaseAsync);
    }

    public string Endpoint { get; }

    public string DatabaseName { get; }

    public CosmosClient Client => _client;

    public Container Container(string containerName) => _client.GetContainer(DatabaseName, containerName);

    /// <summary>
    /// Creates the container (and the database) when missing, or, where creating is not this process's job,
    /// checks that it exists so a missing container stops the host at start-up instead of failing requests.
    /// </summary>
    public async Task EnsureContainerAsync(string containerName, CancellationToken cancellationToken)
    {
        if (!_createContainers)
        {
            try
            {
                await Container(containerName).ReadContainerAsync(cancellationToken: cancellationToken);
                return;
            }
            catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                throw new StoreMisconfiguredException(
                    $"The Cosmos DB container '{containerName}' does not exist in database '{DatabaseName}' at {Endpoint}; create it (partition key {PartitionKeyPath}) or set ARO_COSMOS_CREATE_CONTAINERS=true.",
                    exception);
            }
        }

        await _database.EnsureAsync(cancellationToken);
        await _client.GetDatabase(DatabaseName).CreateContainerIfNotExistsAsync(
            new ContainerProperties(containerName, PartitionKeyPath),
            cancellationToken: cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        _client.CreateDatabaseIfNotExistsAsync(DatabaseName, cancellationToken: cancellationToken);

    private static CosmosClientOptions ClientOptions(CosmosStoreOptions options)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "aro-rp",
            // Gateway mode talks HTTPS to the account endpoint only: one port through firewalls, and the only mode
            // a local test server implements. Direct mode would save a hop on Azure at the cost of many TCP ports.
            ConnectionMode = ConnectionMode.Gateway,
            // The RP writes to the region of its own account; the SDK must not wander off to endpoints the account
            // advertises (a local test server advertises addresses that need not resolve from here).
            LimitToEndpoint = true,
            MaxRetryAttemptsOnRateLimitedRequests = MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = MaxRetryWaitTimeOnRateLimitedRequests,
        };
        clientOptions.CustomHandlers.Add(new StoreOperationCountingHandler());
        if (options.AllowUntrustedCertificates)
        {
            // An untrusted certificate means a local server (test server or emulator), never an Azure account.
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;
            clientOptions.CustomHandlers.Add(new LocalTestServerReadHandler());
        }

        return clientOptions;
    }
}
