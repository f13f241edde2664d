using System.Net;
using Aro.Persistence.Scheduling;
using Aro.Persistence.Stores;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json;

namespace Aro.Persistence.Cosmos;

/// <summary>
/// Scheduled messages in a Cosmos DB container, all in the one partition <see cref="ScheduledMessageEntry.PartitionKey"/>
/// so the poller's due query stays single-partition. Claims and completions are conditional on the item's ETag
/// (If-Match), so of two backends polling at once exactly one sends a message.
/// </summary>
internal sealed class CosmosScheduledMessageStore : IScheduledMessageStore, IStoreSchema
{
    private static readonly PartitionKey Partition = new(ScheduledMessageEntry.PartitionKey);

    private readonly Container _container;
    private readonly OneTimeInitialization _schema;

    public CosmosScheduledMessageStore(CosmosDatabase database)
        : this(database, ContainerNames.ScheduledMessages)
    {
    }

    public CosmosScheduledMessageStore(CosmosDatabase database, string containerName)
    {
        _container = database.Container(containerName);
        _schema = new OneTimeInitialization(cancellationToken => database.EnsureContainerAsync(containerName, cancellationToken));
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) => await _schema.EnsureAsync(cancellationToken);

    public async Task ScheduleAsync(ScheduledMessageEntry message, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        // Rescheduling a token replaces it whole, claim included: a poller holding the old one cannot complete it.
        await _container.UpsertItemAsync(ScheduledMessageItem.From(message), Partition, cancellationToken: cancellationToken);
    }

    public async Task<bool> CancelAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        try
        {
            await _container.DeleteItemAsync<ScheduledMessageItem>(Key(tokenId), Partition, cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<ScheduledMessageEntry?> GetAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        try
        {
            var response = await _container.ReadItemAsync<ScheduledMessageItem>(Key(tokenId), Partition, cancellationToken: cancellationToken);
            return response.Resource.ToEntry(response.ETag);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ScheduledMessageEntry>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        // An unclaimed message has claimedUntil 0, so one comparison covers "never claimed" and "claim lapsed".
        var query = new QueryDefinition(
                "SELECT TOP @maxCount * FROM c WHERE c.partitionKey = @partitionKey AND c.dueTime <= @now AND c.claimedUntil <= @now ORDER BY c.dueTime")
            .WithParameter("@maxCount", maxCount)
            .WithParameter("@partitionKey", ScheduledMessageEntry.PartitionKey)
            .WithParameter("@now", now.ToUnixTimeMilliseconds());
        var options = new QueryRequestOptions { PartitionKey = Partition, MaxItemCount = maxCount, EnableOptimisticDirectExecution = true };
        var due = new List<ScheduledMessageEntry>();
        using var feed = _container.GetItemQueryIterator<ScheduledMessageItem>(query, requestOptions: options);
        while (feed.HasMoreResults && due.Count < maxCount)
        {
            foreach (var item in await feed.ReadNextAsync(cancellationToken))
            {
                due.Add(item.ToEntry(item.ETag));
            }
        }

        return due;
    }

    public async Task<ScheduledMessageEntry?> TryClaimAsync(ScheduledMessageEntry message, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        var claimed = message with { ClaimedUntil = claimedUntil };
        try
        {
            var response = await _container.ReplaceItemAsync(
                ScheduledMessageItem.From(claimed),
                Key(message.TokenId),
                Partition,
                new ItemRequestOptions { IfMatchEtag = RequireETag(message) },
                cancellationToken);
            return claimed with { ETag = response.ETag };
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> TryCompleteAsync(ScheduledMessageEntry claimed, CancellationToken cancellationToken)
    {
        try
        {
            await _container.DeleteItemAsync<ScheduledMessageItem>(
                Key(claimed.TokenId),
                Partition,
                new ItemRequestOptions { IfMatchEtag = RequireETag(claimed) },
                cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string Key(Guid tokenId) => tokenId.ToString("D");

    private static string RequireETag(ScheduledMessageEntry message) =>
        message.ETag ?? throw new ArgumentException($"The scheduled message {message.TokenId} has no ETag: it was not read from the store.", nameof(message));

    /// <summary>The item as stored; times are Unix milliseconds so the due query compares numbers.</summary>
    private sealed class ScheduledMessageItem
    {
        [JsonProperty("id")]
        public string Id { get; set; } = "";

        [JsonProperty("partitionKey")]
        public string PartitionKey { get; set; } = ScheduledMessageEntry.PartitionKey;

        [JsonProperty("_etag", NullValueHandling = NullValueHandling.Ignore)]
        public string? ETag { get; set; }

        [JsonProperty("dueTime")]
        public long DueTime { get; set; }

        [JsonProperty("claimedUntil")]
        public long ClaimedUntil { get; set; }

        [JsonProperty("destination")]
        public string Destination { get; set; } = "";

        [JsonProperty("contentType")]
        public string ContentType { get; set; } = "";

        [JsonProperty("messageTypes")]
        public string[] MessageTypes { get; set; } = [];

        [JsonProperty("messageId")]
        public Guid? MessageId { get; set; }

        [JsonProperty("headers")]
        public string? Headers { get; set; }

        [JsonProperty("body")]
        public string Body { get; set; } = "";

        public static ScheduledMessageItem From(ScheduledMessageEntry entry) => new()
        {
            Id = Key(entry.TokenId),
            DueTime = entry.DueTime.ToUnixTimeMilliseconds(),
            ClaimedUntil = entry.ClaimedUntil?.ToUnixTimeMilliseconds() ?? 0,
            Destination = entry.Destination.ToString(),
            ContentType = entry.ContentType,
            MessageTypes = [.. entry.MessageTypes],
            MessageId = entry.MessageId,
            Headers = entry.HeadersJson,
            Body = entry.Body,
        };

        public ScheduledMessageEntry ToEntry(string? etag) =>
            new(Guid.Parse(Id), new Uri(Destination), DateTimeOffset.FromUnixTimeMilliseconds(DueTime), ContentType, Body, MessageTypes, MessageId, Headers)
            {
                ETag = etag,
                ClaimedUntil = ClaimedUntil == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ClaimedUntil),
            };
    }
}
