using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Api.Versioning;
using Aro.Contracts;
using Aro.Frontend.AsyncOperations;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Operations;

/// <summary>
/// PUT creates or replaces a cluster, PATCH merges into it. The document is committed in a non-terminal
/// provisioningState first; only then is the backend asked to act, so a lost message can be found and
/// re-sent from the store, while a lost commit never leaves a message behind. A change of tags alone on a Succeeded
/// cluster needs no backend: it is written and answered at once (ADR 0006).
/// </summary>
internal sealed class OpenShiftClusterPutOrPatch(
    IOpenShiftClusterStore clusters,
    SubscriptionStateValidator subscriptions,
    AsyncOperationStarter asyncOperations,
    ClusterDomainGuard domains,
    IPublishEndpoint publishEndpoint,
    IOptions<FrontendOptions> options,
    TimeProvider timeProvider,
    ILogger<OpenShiftClusterPutOrPatch> logger)
{
    // Concurrent writers race on the document's ETag; the loser re-reads and is refused as the
    // state it then sees dictates. A few rounds are plenty.
    private const int MaxAttempts = 3;

    public static Task<IResult> PutAsync(ArmRequest request, HttpRequest http, OpenShiftClusterPutOrPatch handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, http, isPatch: false, cancellationToken);

    public static Task<IResult> PatchAsync(ArmRequest request, HttpRequest http, OpenShiftClusterPutOrPatch handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, http, isPatch: true, cancellationToken);

    private async Task<IResult> HandleAsync(ArmRequest request, HttpRequest http, bool isPatch, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(http, cancellationToken)
            ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, null, "The request content was invalid and could not be deserialized: \"unexpected end of JSON input\".");

        await subscriptions.EnsureAllowedAsync(request.SubscriptionId, SubscriptionAccess.Write, cancellationToken);
        var preconditions = RequestPreconditions.Of(http);
        var systemData = SystemDataHeader.Read(http, logger);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryOnceAsync(request, http, body, isPatch, preconditions, systemData, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && ex is DocumentConflictException or DocumentPreconditionFailedException)
            {
                logger.LogInformation("Cluster {ResourceId} changed while it was being written; retrying", request.ClusterResourceId);
            }
        }
    }

    private async Task<IResult> TryOnceAsync(
        ArmRequest request, HttpRequest http, JsonNode body, bool isPatch, RequestPreconditions preconditions, SystemData? systemData, CancellationToken cancellationToken)
    {
        var partitionKey = OpenShiftClusterDocument.PartitionKeyFor(request.SubscriptionId);
        var existing = await clusters.GetAsync(partitionKey, request.ClusterKey, cancellationToken);

        // Against the very version the write below is conditional on: if it changes before the write, the write
        // fails, the next attempt re-reads and this check sees the new ETag.
        preconditions.Check(existing?.ETag);
        if (existing is null && isPatch)
        {
            throw ClusterNotFound.For(request);
        }

        if (existing is not null)
        {
            ProvisioningStateGuard.EnsureUpdatable(existing.OpenShiftCluster.Properties);
        }

        var api = request.Api;
        var input = existing is not null && isPatch
            ? JsonMergePatch.Apply(api.WriteResource(existing.OpenShiftCluster), body)!
            : body;

        var context = new StaticValidationContext(existing?.OpenShiftCluster.Id ?? request.ClusterResourceId, options.Value.Location, existing?.OpenShiftCluster);
        OpenShiftCluster cluster;
        try
        {
            cluster = api.ReadRequest(input, context);
        }
        catch (JsonException ex)
        {
            throw RequestBody.InvalidRequestContent(ex);
        }

        var isCreate = existing is null;
        Stamp(cluster, request, existing?.OpenShiftCluster);
        cluster.SystemData = ClusterSystemData.Merge(existing?.OpenShiftCluster.SystemData, systemData);

        // Only a settled, healthy cluster: after a failed update a write is the customer's retry, which the backend
        // settles (ADR 0006).
        if (existing is { OpenShiftCluster.Properties.ProvisioningState: ProvisioningState.Succeeded } && ClusterChange.IsTagsOnly(existing.OpenShiftCluster, cluster))
        {
            return await WriteTagsAsync(request, http, existing, cluster, cancellationToken);
        }

        var state = isCreate ? ProvisioningState.Creating : ProvisioningState.Updating;
        cluster.Properties.ProvisioningState = state;

        // The domain is immutable, so only a create can take one another cluster holds.
        if (isCreate)
        {
            await domains.EnsureFreeAsync(cluster, cancellationToken);
        }

        var operation = asyncOperations.New(request.SubscriptionId, request.ClusterKey, state);
        var document = existing ?? new OpenShiftClusterDocument { Id = request.ClusterKey, PartitionKey = partitionKey };
        var previous = existing?.OpenShiftCluster;
        document.OpenShiftCluster = cluster;
        document.AsyncOperationId = operation.Id;
        document.LastProgressAt = timeProvider.GetUtcNow();

        document = await clusters.WriteWithNewOperationAsync(document, isCreate, operation, cancellationToken);

        // Two creates of the same domain can both pass the check above before either commits. Each looks again once
        // its own document is committed (before anything is published) and backs off if it is not alone: at worst
        // both are refused, never both kept. Not cancelled by the caller going away: the reconciler would otherwise
        // carry on a committed create that never had its second look.
        if (isCreate && await domains.IsHeldByAnotherAsync(cluster, CancellationToken.None))
        {
            await clusters.DeleteAsync(document, CancellationToken.None);
            throw ClusterDomainGuard.DuplicateDomain(cluster);
        }

        await PublishAsync(document, previous, cancellationToken);

        // ARM RPC: a PUT is polled through Azure-AsyncOperation only; a PATCH also gets the Location of its result.
        AsyncOperationHeaders.Write(http, options.Value, request.SubscriptionId, operation.Id, withLocation: isPatch);
        ETagHeader.Write(http.HttpContext.Response, document.ETag);

        return ArmResults.Json(api.WriteResource(document.OpenShiftCluster), isCreate ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// ARM RPC: a write that needs no long-running work answers 200 with a terminal provisioningState and no polling
    /// headers. Tags are ARM's alone, so the cluster is written as it is, Succeeded, conditional on the ETag it was
    /// read with (a writer that slips in makes the write fail and the caller's loop look again); no operation is
    /// recorded and nothing is published, so the next write finds the cluster settled at once.
    /// </summary>
    private async Task<IResult> WriteTagsAsync(ArmRequest request, HttpRequest http, OpenShiftClusterDocument existing, OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        cluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        existing.OpenShiftCluster = cluster;
        var document = await clusters.ReplaceAsync(existing, cancellationToken);
        logger.LogInformation("Changed the tags of {ResourceId}; nothing for the backend to do", cluster.Id);

        ETagHeader.Write(http.HttpContext.Response, document.ETag);
        return ArmResults.Json(writer => request.Api.WriteResource(writer, document.OpenShiftCluster));
    }

    // Identity comes from the URL (in the caller's casing on create, as first created afterwards);
    // the operation bookkeeping is the RP's, whatever the body said.
    private void Stamp(OpenShiftCluster cluster, ArmRequest request, OpenShiftCluster? existing)
    {
        cluster.Id = existing?.Id ?? request.ClusterResourceId;
        cluster.Name = existing?.Name ?? request.ClusterResourceId[(request.ClusterResourceId.LastIndexOf('/') + 1)..];
        cluster.Type = ResourceProvider.OpenShiftClusterResourceType;
        cluster.Location = options.Value.Location;
        cluster.Properties.FailedProvisioningState = null;
        cluster.Properties.LastError = null;
        cluster.Properties.Credentials = existing?.Properties.Credentials;
        if (string.IsNullOrEmpty(cluster.Properties.ClusterProfile.Version))
        {
            cluster.Properties.ClusterProfile.Version = options.Value.OpenShiftVersion;
        }
    }

    private async Task PublishAsync(OpenShiftClusterDocument document, OpenShiftCluster? previous, CancellationToken cancellationToken)
    {
        var cluster = document.OpenShiftCluster;
        var now = timeProvider.GetUtcNow();
        IClusterOperationMessage message = previous switch
        {
            null => ClusterOperationRequests.Create(document, now),
            _ when ClusterChange.IsScaleOnly(previous, cluster) => ClusterOperationRequests.Scale(document, now),
            _ => ClusterOperationRequests.Update(document, now),
        };

        try
        {
            await publishEndpoint.Publish(message, message.GetType(), cancellationToken);
            logger.LogInformation("Published {MessageType} for {ResourceId} (operation {OperationId})", message.GetType().Name, cluster.Id, document.AsyncOperationId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The document is committed; the backend's reconciler re-publishes requests that show no progress.
            logger.LogWarning(ex, "Could not publish {MessageType} for {ResourceId}; the reconciler will retry", message.GetType().Name, cluster.Id);
        }
    }
}
