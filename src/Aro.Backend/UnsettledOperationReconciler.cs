using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Contracts;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aro.Backend;

/// <summary>
/// Publishes the request of every cluster operation that is not settled and has gone quiet: after a restart
/// (the in-memory bus lost its messages), a publish that failed after the frontend's commit, or a broker
/// outage. The saga treats a request for its current operation as "emit where you stand", and every
/// consumer is idempotent, so publishing again is always safe.
/// </summary>
internal sealed partial class UnsettledOperationReconciler(
    IOpenShiftClusterStore clusters,
    IBus bus,
    IOptions<BackendOptions> options,
    TimeProvider timeProvider,
    ILogger<UnsettledOperationReconciler> logger) : BackgroundService
{
    private readonly BackendOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var staleAfter = _options.ResumeOnStart ? TimeSpan.Zero : _options.StaleAfter;
        using var timer = new PeriodicTimer(_options.ReconcileInterval, timeProvider);
        do
        {
            try
            {
                await ReconcileAsync(staleAfter, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store or broker outage: the next sweep tries again.
                LogSweepFailed(logger, ex);
            }

            staleAfter = _options.StaleAfter;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Publishes the requests of unsettled operations quiet for at least <paramref name="staleAfter"/>; returns how many.</summary>
    public async Task<int> ReconcileAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var published = 0;
        await foreach (var document in clusters.ListUnsettledAsync(cancellationToken))
        {
            if (document.AsyncOperationId is null || now - (document.LastProgressAt ?? DateTimeOffset.MinValue) < staleAfter)
            {
                continue;
            }

            if (!await ClaimAsync(document, now, cancellationToken))
            {
                continue;
            }

            var request = RequestFor(document, now);
            await bus.Publish(request, request.GetType(), cancellationToken);
            LogRepublished(logger, request.GetType().Name, document.OpenShiftCluster.Id, document.AsyncOperationId);
            published++;
        }

        return published;
    }

    /// <summary>
    /// Stamps the document so this operation is not published again before another <see cref="BackendOptions.StaleAfter"/>,
    /// by this or another backend: the ETag lets only one of them win.
    /// </summary>
    private async Task<bool> ClaimAsync(OpenShiftClusterDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        document.LastProgressAt = now;
        try
        {
            await clusters.ReplaceAsync(document, cancellationToken);
            return true;
        }
        catch (DocumentPreconditionFailedException)
        {
            // Changed meanwhile: it is making progress, or another backend claimed it.
            return false;
        }
    }

    private static object RequestFor(OpenShiftClusterDocument document, DateTimeOffset now)
    {
        var cluster = document.OpenShiftCluster;
        var clusterId = ClusterIdentity.FromResourceId(cluster.Id);
        var operationId = document.AsyncOperationId!;
        var workerCount = cluster.Properties.WorkerProfiles.Sum(w => w.Count);
        return cluster.Properties.ProvisioningState switch
        {
            ProvisioningState.Creating => new ClusterCreateRequested(clusterId, cluster.Id, operationId, now),
            ProvisioningState.Deleting => new ClusterDeleteRequested(clusterId, cluster.Id, operationId, now),
            // Which kind of update it was does not matter: the saga re-emits its current operation, and a saga
            // that lost it reconciles the worker count, all an update can change.
            _ => new ClusterUpdateRequested(clusterId, cluster.Id, operationId, workerCount, now),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageType} again for {ResourceId} (operation {OperationId}): no progress seen")]
    private static partial void LogRepublished(ILogger logger, string messageType, string resourceId, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reconciler's sweep failed; it tries again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
