using System.Net;
using System.Text.Json;
using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Validation;
using Aro.Frontend.Http;
using Aro.Frontend.Subscriptions;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Operations;

/// <summary>
/// PUT /subscriptions/{id}?api-version=2.0: ARM tells the RP about a subscription's lifecycle
/// (Registered, Warned, Suspended, Deleted, Unregistered). Idempotent; 201 when first heard of, else 200.
/// The move to Deleted is committed first (so no new write gets in), then every cluster of the subscription
/// starts its delete (<see cref="SubscriptionClusterDeletion"/>), then the document records that it did.
/// </summary>
internal static class SubscriptionPut
{
    public const string ApiVersion = "2.0";

    public static async Task<IResult> HandleAsync(
        string subscriptionId,
        HttpRequest http,
        ISubscriptionStore subscriptions,
        SubscriptionStateCache stateCache,
        SubscriptionClusterDeletion clusterDeletion,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var apiVersion = http.Query["api-version"].ToString();
        if (apiVersion != ApiVersion)
        {
            throw ArmRequest.InvalidResourceType("subscriptions", "", apiVersion);
        }

        subscriptionId = subscriptionId.ToLowerInvariant();
        if (!Uuid.IsValid(subscriptionId))
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionId, null, $"The provided subscription identifier '{subscriptionId}' is malformed or invalid.");
        }

        var body = await RequestBody.ReadJsonAsync(http, cancellationToken)
            ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, null, "The request content was invalid and could not be deserialized: \"unexpected end of JSON input\".");

        SubscriptionRequest request;
        try
        {
            request = body.Deserialize<SubscriptionRequest>(ArmJson.Options) ?? new SubscriptionRequest();
        }
        catch (JsonException ex)
        {
            throw RequestBody.InvalidRequestContent(ex);
        }

        // Only the state names themselves: Enum.TryParse would also take numbers and comma lists.
        if (request.State is null || !Enum.GetNames<SubscriptionState>().Contains(request.State, StringComparer.Ordinal))
        {
            throw CloudError.InvalidParameter("state", $"The provided state '{request.State}' is invalid.");
        }

        var state = Enum.Parse<SubscriptionState>(request.State);

        var properties = ReadProperties(request);
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await subscriptions.GetAsync(key, key, cancellationToken);
            if (existing?.Subscription.State == SubscriptionState.Deleted && state != SubscriptionState.Deleted)
            {
                throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionState, null, $"Request is not allowed in subscription in state '{SubscriptionState.Deleted}'.");
            }

            var document = existing ?? new SubscriptionDocument { Id = key };
            document.Subscription = new Subscription { State = state, Properties = properties };
            try
            {
                document = existing is null
                    ? await subscriptions.CreateAsync(document, cancellationToken)
                    : await subscriptions.ReplaceAsync(document, cancellationToken);
            }
            catch (Exception ex) when (attempt < 5 && ex is DocumentConflictException or DocumentPreconditionFailedException)
            {
                continue;
            }

            // Once the new state is stored, so that no read on this process can cache the old one after this.
            stateCache.Invalidate(key);

            var logger = loggerFactory.CreateLogger(typeof(SubscriptionPut));
            logger.LogInformation("Subscription {SubscriptionId} is now {SubscriptionState}", subscriptionId, state);
            if (state == SubscriptionState.Deleted && document.ClusterDeletionRequestedAt is null)
            {
                var started = await clusterDeletion.DeleteAllAsync(subscriptionId, cancellationToken);
                await RecordClusterDeletionAsync(subscriptions, key, timeProvider.GetUtcNow(), cancellationToken);
                logger.LogInformation("Subscription {SubscriptionId} was deleted: {ClusterCount} clusters started deleting", subscriptionId, started);
            }

            return Results.Json(document.Subscription, ArmJson.Options, "application/json",
                existing is null ? (int)HttpStatusCode.Created : (int)HttpStatusCode.OK);
        }
    }

    // Only once the cascade went through: if it was cut short, ARM's next PUT runs it again.
    private static Task RecordClusterDeletionAsync(ISubscriptionStore subscriptions, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        subscriptions.UpdateWithRetryAsync(key, key, document =>
        {
            if (document.ClusterDeletionRequestedAt is not null)
            {
                return false;
            }

            document.ClusterDeletionRequestedAt = now;
            return true;
        }, cancellationToken);

    private static SubscriptionProperties? ReadProperties(SubscriptionRequest request)
    {
        try
        {
            return request.Properties?.Deserialize<SubscriptionProperties>(ArmJson.Options);
        }
        catch (JsonException ex)
        {
            throw RequestBody.InvalidRequestContent(ex);
        }
    }
}
