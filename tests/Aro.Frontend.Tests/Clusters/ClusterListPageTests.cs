using Aro.Frontend.Clusters;
using Aro.Frontend.Paging;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;

namespace Aro.Frontend.Tests.Clusters;

/// <summary>A list page shown before answers again only for the very versions, continuation and nextLink it was made with.</summary>
public sealed class ClusterListPageTests
{
    private static readonly NextLinkSource Caller = new("https://management.azure.com/subscriptions/s/providers/p?api-version=1", "http", "rp", "", "/subscriptions/s/providers/p");
    private static readonly ShownCluster Alpha = new("/a", new ClusterJson("\"1\"", [1]));
    private static readonly ShownCluster Beta = new("/b", new ClusterJson("\"2\"", [2]));

    [Fact]
    public void The_same_versions_and_continuation_for_the_same_caller_and_key_are_answered_by_the_page()
    {
        var page = Page("next", Alpha, Beta);

        Assert.True(page.Answers(Found("next", ("/a", "\"1\""), ("/b", "\"2\"")), Caller, () => "k1"));
    }

    public static TheoryData<string, string?, string, string, string> Differences => new()
    {
        { "another ETag", "next", "\"9\"", "/b", "k1" },
        { "another cluster at its place", "next", "\"2\"", "/c", "k1" },
        { "another continuation", "elsewhere", "\"2\"", "/b", "k1" },
        { "no continuation", null, "\"2\"", "/b", "k1" },
        { "another signing key", "next", "\"2\"", "/b", "k2" },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public void Any_difference_in_what_the_page_is_made_from_is_not_answered_by_it(string difference, string? continuation, string secondETag, string secondId, string keyId)
    {
        var page = Page("next", Alpha, Beta);

        Assert.False(page.Answers(Found(continuation, ("/a", "\"1\""), (secondId, secondETag)), Caller, () => keyId), difference);
    }

    [Fact]
    public void More_or_fewer_clusters_are_not_answered_by_it()
    {
        var page = Page(null, Alpha, Beta);

        Assert.False(page.Answers(Found(null, ("/a", "\"1\"")), Caller, () => "k1"));
        Assert.False(page.Answers(Found(null, ("/a", "\"1\""), ("/b", "\"2\""), ("/c", "\"3\"")), Caller, () => "k1"));
    }

    [Fact]
    public void Another_callers_nextLink_is_made_afresh_but_the_last_page_has_none_to_differ()
    {
        var elsewhere = Caller with { Referer = "https://other.example/subscriptions/s/providers/p?api-version=1" };

        Assert.False(Page("next", Alpha).Answers(Found("next", ("/a", "\"1\"")), elsewhere, () => "k1"));
        Assert.False(Page("next", Alpha).Answers(Found("next", ("/a", "\"1\"")), Caller with { Host = "rp:8443" }, () => "k1"));
        Assert.True(Page(null, Alpha).Answers(Found(null, ("/a", "\"1\"")), elsewhere, () => "k2"));
    }

    [Fact]
    public void Its_clusters_JSON_is_found_by_id_and_ETag_at_its_place_or_anywhere()
    {
        var page = Page(null, Alpha, Beta);

        Assert.Same(Beta.Json, page.At(1, "/b", "\"2\""));
        Assert.Null(page.At(0, "/b", "\"2\""));
        Assert.Null(page.At(2, "/b", "\"2\""));
        Assert.Same(Beta.Json, page.Find("/b", "\"2\""));
        Assert.Null(page.Find("/b", "\"1\""));
    }

    private static ClusterListPage Page(string? continuation, params ShownCluster[] clusters) =>
        new(clusters, continuation, Caller, "k1", [.. clusters.SelectMany(cluster => cluster.Json.Json)]);

    private static DocumentPage<DocumentVersion<OpenShiftClusterWithoutSecrets>> Found(string? continuation, params (string Id, string ETag)[] versions) =>
        new([.. versions.Select(version => new DocumentVersion<OpenShiftClusterWithoutSecrets>(version.Id, version.ETag, null))], continuation);
}
