using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;
using Aro.Persistence.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.Operations;

/// <summary>Lists in pages of three, followed through nextLink as ARM clients do.</summary>
public sealed class OpenShiftClusterListPagingTests : IDisposable
{
    private const int PageSize = 3;

    private readonly RpFactory _factory = new(services => services.Configure<FrontendOptions>(options => options.ListPageSize = PageSize));
    private readonly ArmTestClient _arm;
    private bool _registered;

    public OpenShiftClusterListPagingTests()
    {
        _arm = new ArmTestClient(_factory.CreateArmClient());
    }

    public void Dispose() => _factory.Dispose();

    private string GroupListPath(string? resourceGroup = null) =>
        $"/subscriptions/{_arm.SubscriptionId}/resourceGroups/{resourceGroup ?? _arm.ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters";

    private string SubscriptionListPath() =>
        $"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters";

    [Fact]
    public async Task Pages_hold_at_most_the_page_size_chain_through_nextLink_and_the_last_page_has_no_nextLink()
    {
        await CreateAsync("c1", "c2", "c3", "c4", "c5", "c6", "c7");

        var pages = await ReadAllPagesAsync(ArmTestClient.WithApiVersion(GroupListPath()));

        Assert.Equal([3, 3, 1], pages.Select(p => p["value"]!.AsArray().Count));
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7"], pages.SelectMany(Names));
        Assert.All(pages.SkipLast(1), p => Assert.False(string.IsNullOrEmpty((string?)p["nextLink"])));
        Assert.False(pages[^1].AsObject().ContainsKey("nextLink"));
        Assert.All(pages, ResponseAssertions.AssertNoSecrets);
    }

    [Fact]
    public async Task A_full_last_page_has_no_nextLink_either()
    {
        await CreateAsync("c1", "c2", "c3");

        var page = await GetPageAsync(ArmTestClient.WithApiVersion(GroupListPath()));

        Assert.Equal(3, page["value"]!.AsArray().Count);
        Assert.False(page.AsObject().ContainsKey("nextLink"));
    }

    [Fact]
    public async Task The_nextLink_is_absolute_on_the_Referer_host_and_keeps_the_api_version()
    {
        await CreateAsync("c1", "c2", "c3", "c4");
        var path = ArmTestClient.WithApiVersion(SubscriptionListPath(), "2019-12-31-preview");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Referrer = new Uri("https://management.azure.com" + path + "&$top=1");

        var page = await (await _arm.Http.SendAsync(request)).AssertStatusAsync(HttpStatusCode.OK);

        var nextLink = new Uri((string)page["nextLink"]!);
        Assert.Equal("https://management.azure.com" + SubscriptionListPath(), nextLink.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?api-version=2019-12-31-preview&$skipToken=", nextLink.Query);
        Assert.DoesNotContain("$top", nextLink.Query);
    }

    [Fact]
    public async Task Without_a_Referer_the_nextLink_is_on_the_request_host()
    {
        await CreateAsync("c1", "c2", "c3", "c4");

        var page = await GetPageAsync(ArmTestClient.WithApiVersion(GroupListPath()));

        Assert.StartsWith($"http://localhost{GroupListPath()}?api-version=2020-04-30&$skipToken=", (string?)page["nextLink"]);
    }

    [Fact]
    public async Task Unknown_query_parameters_top_included_are_ignored_and_an_empty_skipToken_is_the_first_page()
    {
        await CreateAsync("c1", "c2", "c3", "c4");

        var page = await GetPageAsync(ArmTestClient.WithApiVersion(GroupListPath()) + "&$top=1&foo=bar&$skipToken=");

        Assert.Equal(["c1", "c2", "c3"], Names(page));
    }

    [Fact]
    public async Task Clients_looping_on_nextLink_see_every_cluster_that_existed_throughout_exactly_once_despite_creates_and_deletes()
    {
        await CreateAsync("c02", "c04", "c06", "c08", "c10", "c12", "c14", "c16");
        var deleted = new HashSet<string>();
        var seen = new List<string>();

        // Between pages: delete one cluster already seen and one not yet seen, and create one that sorts before
        // the position reached and one after it.
        var churn = new Queue<Func<Task>>(
        [
            async () => { await DeleteAsync(deleted, "c02", "c08"); await CreateAsync("c01", "c07"); },
            async () => { await DeleteAsync(deleted, "c06", "c14"); await CreateAsync("c03", "c13", "c17"); },
            async () => { await DeleteAsync(deleted, "c10"); await CreateAsync("c05", "c18"); },
        ]);

        var next = ArmTestClient.WithApiVersion(GroupListPath());
        while (next is not null)
        {
            var page = await GetPageAsync(next);
            seen.AddRange(Names(page));
            next = (string?)page["nextLink"];
            if (next is not null && churn.TryDequeue(out var change))
            {
                await change();
            }
        }

        Assert.Equal(seen.Distinct(), seen);
        foreach (var survivor in new[] { "c02", "c04", "c06", "c08", "c10", "c12", "c14", "c16" }.Except(deleted))
        {
            Assert.Single(seen, survivor);
        }

        Assert.DoesNotContain("c08", seen);
        Assert.DoesNotContain("c14", seen);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Random_churn_between_pages_never_repeats_or_loses_a_cluster_that_existed_throughout()
    {
        var random = new Random(20250301);
        var initial = Enumerable.Range(0, 20).Select(i => $"r{i * 5:D3}").ToArray();
        await CreateAsync(initial);
        var alive = new HashSet<string>(initial);
        var deleted = new HashSet<string>();
        var seen = new List<string>();

        var next = ArmTestClient.WithApiVersion(GroupListPath());
        while (next is not null)
        {
            var page = await GetPageAsync(next);
            seen.AddRange(Names(page));
            next = (string?)page["nextLink"];
            for (var i = 0; i < 3 && next is not null; i++)
            {
                if (random.Next(2) == 0 && alive.Count > 0)
                {
                    var victim = alive.ElementAt(random.Next(alive.Count));
                    alive.Remove(victim);
                    await DeleteAsync(deleted, victim);
                }
                else
                {
                    var name = $"r{random.Next(100):D3}";
                    if (alive.Add(name))
                    {
                        await CreateAsync(name);
                    }
                }
            }
        }

        Assert.Equal(seen.Distinct(), seen);
        // A name deleted and created again did not exist throughout: it may be seen once or not at all.
        var survivors = initial.Except(deleted).ToList();
        Assert.NotEmpty(survivors);
        foreach (var survivor in survivors)
        {
            Assert.Single(seen, survivor);
        }
    }

    [Fact]
    public async Task Tampered_malformed_and_foreign_skipTokens_are_InvalidParameter()
    {
        await CreateAsync("c1", "c2", "c3", "c4");
        await (await _arm.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion(_arm.ClusterPath("o1", "otherGroup")), _arm.ValidCluster())).AssertStatusAsync(HttpStatusCode.Created);
        var groupToken = SkipTokenOf(await GetPageAsync(ArmTestClient.WithApiVersion(GroupListPath())));
        var subscriptionToken = SkipTokenOf(await GetPageAsync(ArmTestClient.WithApiVersion(SubscriptionListPath())));
        var flipped = groupToken[..10] + (groupToken[10] == 'A' ? 'B' : 'A') + groupToken[11..];

        var cases = new (string Path, string Token)[]
        {
            (GroupListPath(), flipped),
            (GroupListPath(), groupToken[..^4]),
            (GroupListPath(), groupToken + "AAAA"),
            (GroupListPath(), "not a token!"),
            (GroupListPath(), "AQ"),
            (GroupListPath(), subscriptionToken),
            (GroupListPath("otherGroup"), groupToken),
            (SubscriptionListPath(), groupToken),
            (SubscriptionListPath().Replace(_arm.SubscriptionId, Guid.NewGuid().ToString()), subscriptionToken),
        };

        foreach (var (path, token) in cases)
        {
            var response = await _arm.GetAsync(ArmTestClient.WithApiVersion(path) + "&$skipToken=" + Uri.EscapeDataString(token));
            await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidParameter", "The provided $skipToken is malformed or invalid.", "$skipToken");
        }
    }

    [Fact]
    public async Task A_skipToken_signed_by_another_RPs_key_ring_is_InvalidParameter()
    {
        await CreateAsync("c1", "c2", "c3", "c4");
        var token = SkipTokenOf(await GetPageAsync(ArmTestClient.WithApiVersion(GroupListPath())));
        using var otherRp = new RpFactory(services => services.Configure<FrontendOptions>(options => options.ListPageSize = PageSize));

        var response = await otherRp.CreateClient().GetAsync(ArmTestClient.WithApiVersion(GroupListPath()) + "&$skipToken=" + token);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidParameter", "The provided $skipToken is malformed or invalid.", "$skipToken");
    }

    [Fact]
    public async Task A_page_answered_again_carries_each_callers_own_nextLink_and_none_once_it_is_the_last()
    {
        await CreateAsync("c1", "c2", "c3", "c4");
        var path = ArmTestClient.WithApiVersion(GroupListPath());

        var fromArm = await GetPageWithRefererAsync(path, "https://management.azure.com");
        var fromElsewhere = await GetPageWithRefererAsync(path, "https://rp.example:8443");
        var direct = await GetPageAsync(path);
        await DeleteAsync([], "c4");
        var last = await GetPageAsync(path);

        Assert.StartsWith("https://management.azure.com/subscriptions/", (string?)fromArm["nextLink"]);
        Assert.StartsWith("https://rp.example:8443/subscriptions/", (string?)fromElsewhere["nextLink"]);
        Assert.StartsWith("http://localhost/subscriptions/", (string?)direct["nextLink"]);
        Assert.All(new[] { fromArm, fromElsewhere, direct, last }, page => Assert.Equal(["c1", "c2", "c3"], Names(page)));
        Assert.False(last.AsObject().ContainsKey("nextLink"));
    }

    [Fact]
    public async Task A_page_answered_again_after_the_key_ring_turned_signs_its_nextLink_with_the_new_key_and_both_links_go_on()
    {
        var ring = new TurningKeyRing();
        using var factory = new RpFactory(services =>
        {
            services.Configure<FrontendOptions>(options => options.ListPageSize = PageSize);
            services.AddSingleton<ISecretKeyRing>(ring);
        });
        var arm = new ArmTestClient(factory.CreateArmClient());
        await arm.RegisterSubscriptionAsync();
        foreach (var name in new[] { "c1", "c2", "c3", "c4" })
        {
            await (await arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        }

        var path = ArmTestClient.WithApiVersion($"/subscriptions/{arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters");
        var before = await (await arm.GetAsync(path)).AssertStatusAsync(HttpStatusCode.OK);
        ring.Turn();
        var after = await (await arm.GetAsync(path)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.NotEqual(SkipTokenOf(before), SkipTokenOf(after));
        foreach (var page in new[] { before, after })
        {
            var next = await (await arm.GetAsync(new Uri((string)page["nextLink"]!).PathAndQuery)).AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal(["c4"], Names(next));
        }
    }

    private async Task CreateAsync(params string[] names)
    {
        if (!_registered)
        {
            await _arm.RegisterSubscriptionAsync();
            _registered = true;
        }

        foreach (var name in names)
        {
            await (await _arm.PutClusterAsync(name)).AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    private async Task DeleteAsync(HashSet<string> deleted, params string[] names)
    {
        foreach (var name in names)
        {
            await _factory.DeleteClusterDocumentAsync(_arm.SubscriptionId, _arm.ClusterPath(name));
            deleted.Add(name);
        }
    }

    private async Task<JsonNode> GetPageAsync(string pathOrUrl)
    {
        var uri = new Uri(pathOrUrl, UriKind.RelativeOrAbsolute);
        var response = await _arm.GetAsync(uri.IsAbsoluteUri ? uri.PathAndQuery : pathOrUrl);
        return await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task<JsonNode> GetPageWithRefererAsync(string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Referrer = new Uri(origin + path);
        return await (await _arm.Http.SendAsync(request)).AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task<List<JsonNode>> ReadAllPagesAsync(string path)
    {
        var pages = new List<JsonNode>();
        string? next = path;
        while (next is not null)
        {
            var page = await GetPageAsync(next);
            pages.Add(page);
            next = (string?)page["nextLink"];
        }

        return pages;
    }

    private static IEnumerable<string> Names(JsonNode page) => page["value"]!.AsArray().Select(c => (string)c!["name"]!);

    /// <summary>A key ring whose current key can be turned to a new one, the old one kept, as a rotation does.</summary>
    private sealed class TurningKeyRing : ISecretKeyRing
    {
        private readonly List<SecretKey> _keys = [NewKey("first")];

        public SecretKey CurrentKey => _keys[^1];

        public SecretKey? FindKey(string keyId) => _keys.Find(key => key.Id == keyId);

        public void Turn() => _keys.Add(NewKey("second"));

        private static SecretKey NewKey(string id) => new(id, RandomNumberGenerator.GetBytes(SecretKey.SizeInBytes));
    }

    private static string SkipTokenOf(JsonNode page)
    {
        var query = new Uri((string)page["nextLink"]!).Query;
        return Uri.UnescapeDataString(query[(query.IndexOf("$skipToken=", StringComparison.Ordinal) + "$skipToken=".Length)..]);
    }
}
