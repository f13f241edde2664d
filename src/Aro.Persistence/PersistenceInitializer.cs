using Aro.Persistence.Secrets;
using Aro.Persistence.Stores;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Aro.Persistence;

/// <summary>
/// Creates the schema and opens the key ring at start-up. SQLite is a local file, so a bad data directory stops the
/// host at once. Cosmos DB is a service that may come up after the RP (containers started together, a failover): the
/// host starts and reports the store unready while this retries with backoff in the background, one line per attempt.
/// </summary>
internal sealed partial class PersistenceInitializer(
    IEnumerable<IStoreSchema> schemas,
    ISecretKeyRing keyRing,
    IOptions<PersistenceOptions> options,
    StoreReadiness readiness,
    ILogger<PersistenceInitializer> logger,
    IHostApplicationLifetime? lifetime = null) : IHostedService, IDisposable
{
    /// <summary>The first wait between attempts; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _initializing = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keyRing.CurrentKey;
        if (!options.Value.UsesCosmos)
        {
            await EnsureSchemasAsync(cancellationToken);
            readiness.MarkReady();
            return;
        }

        _initializing = Task.Run(() => InitializeWithRetriesAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed with its container already (a host stopped after disposal, as test hosts may): nothing runs.
            return;
        }

        await _initializing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task InitializeWithRetriesAsync(CancellationToken cancellationToken)
    {
        var endpoint = options.Value.Cosmos.Endpoint;
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e =>
                    e is not StoreMisconfiguredException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstRetryDelay,
                MaxDelay = MaxRetryDelay,
                OnRetry = attempt =>
                {
                    LogNotReady(logger, endpoint, attempt.AttemptNumber + 1, Reason(attempt.Outcome.Exception), attempt.RetryDelay);
                    return default;
                },
            })
            .Build();
        try
        {
            await retry.ExecuteAsync(async token => await EnsureSchemasAsync(token), cancellationToken);
            readiness.MarkReady();
            LogReady(logger, endpoint);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before Cosmos DB came.
        }
        catch (StoreMisconfiguredException e)
        {
            // Cosmos DB answered, and no retry can fix what it said: stop the host (a bare service provider has none to stop),
            // and let it report the one line.
            readiness.Refuse(e.Message);
            LogMisconfigured(logger, e.Message);
            lifetime?.StopApplication();
        }
    }

    private async Task EnsureSchemasAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in schemas)
        {
            await schema.EnsureCreatedAsync(cancellationToken);
        }
    }

    /// <summary>One line for the log: the SDK's messages carry pages of diagnostics; the root cause's first line says it.</summary>
    private static string Reason(Exception? exception)
    {
        if (exception is null)
        {
            return "no answer";
        }

        var root = exception;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        var line = root.Message.Split('\n', 2)[0].Trim();
        return exception is CosmosException cosmos && root == exception ? $"{(int)cosmos.StatusCode} {cosmos.StatusCode}" : line;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos DB at {Endpoint} is not ready (attempt {Attempt}: {Reason}); retrying in {RetryDelay}. /healthz/ready fails until it is.")]
    private static partial void LogNotReady(ILogger logger, string? endpoint, int attempt, string reason, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason} Stopping.")]
    private static partial void LogMisconfigured(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB at {Endpoint} is ready: database and containers in place.")]
    private static partial void LogReady(ILogger logger, string? endpoint);
}
