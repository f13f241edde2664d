using Aro.Api;
using Aro.Api.Model;
using Aro.Frontend.Subscriptions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Frontend.Tests.Subscriptions;

public sealed class SubscriptionStateValidatorTests
{
    private const int CacheSeconds = 5;

    private readonly string _subscriptionId = Guid.NewGuid().ToString();
    private readonly InMemorySubscriptionStore _store = new();
    private readonly FakeTimeProvider _time = new();
    private readonly SubscriptionStateCache _cache;
    private readonly SubscriptionStateValidator _validator;

    public SubscriptionStateValidatorTests()
    {
        _cache = Cache(CacheSeconds);
        _validator = new SubscriptionStateValidator(_store, _cache);
        _store.Put(_subscriptionId, SubscriptionState.Registered);
    }

    [Fact]
    public async Task Reads_within_the_cache_lifetime_read_the_subscription_once()
    {
        await _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(CacheSeconds - 1));
        await _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);

        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task A_read_after_the_cache_lifetime_sees_a_change_made_elsewhere()
    {
        await _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);
        _store.Put(_subscriptionId, SubscriptionState.Deleted);
        _time.Advance(TimeSpan.FromSeconds(CacheSeconds));

        var refused = await Assert.ThrowsAsync<CloudError>(() => _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None));

        Assert.Equal(CloudErrorCodes.InvalidSubscriptionState, refused.Body.Code);
        Assert.Equal(2, _store.Reads);
    }

    [Theory]
    [InlineData("Write")]
    [InlineData("Delete")]
    public async Task Writes_and_deletes_always_read_the_stored_state(string access)
    {
        await _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);
        _store.Put(_subscriptionId, SubscriptionState.Unregistered);

        await Assert.ThrowsAsync<CloudError>(() => _validator.EnsureAllowedAsync(_subscriptionId, Enum.Parse<SubscriptionAccess>(access), CancellationToken.None));

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task A_read_after_an_invalidation_reads_the_subscription_again()
    {
        await _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);
        _store.Put(_subscriptionId, SubscriptionState.Deleted);
        _cache.Invalidate(SubscriptionDocumentKey);

        await Assert.ThrowsAsync<CloudError>(() => _validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_subscription_is_remembered_as_unknown_for_reads()
    {
        var unknown = Guid.NewGuid().ToString();

        Assert.Null(await _validator.EnsureAllowedAsync(unknown, SubscriptionAccess.Read, CancellationToken.None));
        Assert.Null(await _validator.EnsureAllowedAsync(unknown, SubscriptionAccess.Read, CancellationToken.None));

        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task With_a_lifetime_of_zero_every_read_reads_the_subscription()
    {
        var validator = new SubscriptionStateValidator(_store, Cache(0));

        await validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);
        await validator.EnsureAllowedAsync(_subscriptionId, SubscriptionAccess.Read, CancellationToken.None);

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public void A_document_read_before_an_invalidation_is_not_kept()
    {
        var generation = _cache.Generation;
        _cache.Invalidate(SubscriptionDocumentKey);

        _cache.Store(SubscriptionDocumentKey, null, generation);

        Assert.False(_cache.TryGet(SubscriptionDocumentKey, out _));
    }

    private string SubscriptionDocumentKey => Persistence.Documents.SubscriptionDocument.KeyFor(_subscriptionId);

    private SubscriptionStateCache Cache(int seconds) =>
        new(Options.Create(new FrontendOptions { SubscriptionStateCacheSeconds = seconds }), _time);
}
