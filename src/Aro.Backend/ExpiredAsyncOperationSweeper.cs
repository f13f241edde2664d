using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Backend;

/// <summary>
/// Deletes the records of operations that ended longer ago than their retention, which the frontend already answers
/// 404 for, so the store does not grow with every PUT, PATCH and DELETE ever made. An operation that never ended is
/// left alone even when it is old: its cluster may still be waiting for it, and the reconciler's business is to end it.
/// Several backends may sweep at once: each delete is conditional on the ETag read, and losing that race is fine.
/// </summary>
internal sealed partial class ExpiredAsyncOperationSweeper(
    IAsyncOperationStore operations,
    IOptions<BackendOptions> options,
    TimeProvider timeProvider,
    ILogger<ExpiredAsyncOperationSweeper> logger) : BackgroundService
{
    private readonly BackendOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RetentionSweepInterval, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store outage: the next sweep tries again, and nothing is lost by waiting.
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every ended operation record past its retention; returns how many it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var retention = TimeSpan.FromDays(_options.AsyncOperationRetentionDays);
        var deleted = 0;
        await foreach (var document in operations.ListAllAsync(cancellationToken))
        {
            if (document.AsyncOperation.EndTime is null || !AsyncOperationRetention.IsExpired(document.AsyncOperation, now, retention))
            {
                continue;
            }

            try
            {
                await operations.DeleteAsync(document, cancellationToken);
                deleted++;
            }
            catch (DocumentPreconditionFailedException)
            {
                // Another backend deleted it first, or it changed since it was read: the next sweep looks again.
            }
        }

        if (deleted > 0)
        {
            LogSwept(logger, deleted, _options.AsyncOperationRetentionDays);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} async operation record(s) that ended more than {Days} day(s) ago")]
    private static partial void LogSwept(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of expired async operations failed; it tries again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
