using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Tests.Subscriptions;

/// <summary>Subscription documents in a dictionary, counting how often they are read: what a cache saves is reads.</summary>
internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Dictionary<string, SubscriptionDocument> _documents = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    /// <summary>Stores the subscription in <paramref name="state"/> behind the frontend's back, as another process would.</summary>
    public void Put(string subscriptionId, Aro.Api.Model.SubscriptionState state)
    {
        var key = SubscriptionDocument.KeyFor(subscriptionId);
        _documents[key] = new SubscriptionDocument { Id = key, ETag = Guid.NewGuid().ToString(), Subscription = new Aro.Api.Model.Subscription { State = state } };
    }

    public Task<SubscriptionDocument?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_documents.GetValueOrDefault(id));
    }

    public Task<SubscriptionDocument> CreateAsync(SubscriptionDocument document, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SubscriptionDocument> ReplaceAsync(SubscriptionDocument document, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(SubscriptionDocument document, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DocumentPage<SubscriptionDocument>> QueryAsync(string partitionKey, string? idPrefix, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
