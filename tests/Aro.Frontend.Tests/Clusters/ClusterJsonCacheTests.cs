using System.Text.Json;
using Aro.Api.Versioning;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Tests.Clusters;

public sealed class ClusterJsonCacheTests
{
    private const string Key = "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg/providers/microsoft.redhatopenshift/openshiftclusters/c";
    private static readonly IOpenShiftClusterApi Api = ApiOf("2020-04-30");

    [Fact]
    public void The_JSON_of_a_new_version_is_what_the_api_writes_and_is_remembered_under_its_ETag()
    {
        using var cache = NewCache(megabytes: 1);

        var json = cache.JsonOf(Api, Version("\"1\"", "platform"), known: null);

        Assert.Equal(Written("platform"), json);
        var found = cache.Find(Api.ApiVersion, Key);
        Assert.NotNull(found);
        Assert.Equal("\"1\"", found.ETag);
        Assert.Same(json, found.Json);
        Assert.Null(cache.Find("2019-12-31-preview", Key));
    }

    [Fact]
    public void A_version_of_the_known_ETag_is_answered_without_its_document()
    {
        using var cache = NewCache(megabytes: 1);
        var json = cache.JsonOf(Api, Version("\"1\"", "platform"), known: null);

        var again = cache.JsonOf(Api, new DocumentVersion<OpenShiftClusterWithoutSecrets>(Key, "\"1\"", null), cache.Find(Api.ApiVersion, Key));

        Assert.Same(json, again);
    }

    [Fact]
    public void A_version_of_another_ETag_is_written_afresh_and_replaces_the_one_remembered()
    {
        using var cache = NewCache(megabytes: 1);
        var known = cache.Find(Api.ApiVersion, Key);
        cache.JsonOf(Api, Version("\"1\"", "platform"), known);

        var json = cache.JsonOf(Api, Version("\"2\"", "other"), cache.Find(Api.ApiVersion, Key));

        Assert.Equal(Written("other"), json);
        Assert.Equal("\"2\"", cache.Find(Api.ApiVersion, Key)!.ETag);
    }

    [Fact]
    public void A_version_without_its_document_and_of_an_unknown_ETag_is_refused()
    {
        using var cache = NewCache(megabytes: 1);

        Assert.Throws<InvalidOperationException>(() => cache.JsonOf(Api, new DocumentVersion<OpenShiftClusterWithoutSecrets>(Key, "\"1\"", null), known: null));
    }

    [Fact]
    public void With_no_megabytes_nothing_is_remembered()
    {
        using var cache = NewCache(megabytes: 0);

        var json = cache.JsonOf(Api, Version("\"1\"", "platform"), known: null);

        Assert.Equal(Written("platform"), json);
        Assert.Null(cache.Find(Api.ApiVersion, Key));
    }

    private static IOpenShiftClusterApi ApiOf(string version) =>
        ApiVersionRegistry.CreateDefault().TryGet(version, out var api) ? api : throw new InvalidOperationException(version);

    private static ClusterJsonCache NewCache(int megabytes) => new(Options.Create(new FrontendOptions { ClusterJsonCacheMegabytes = megabytes }));

    private static DocumentVersion<OpenShiftClusterWithoutSecrets> Version(string etag, string team)
    {
        var document = Document(team);
        document.ETag = etag;
        var shown = OpenShiftClusterWithoutSecrets.Of(document)!;
        return new DocumentVersion<OpenShiftClusterWithoutSecrets>(Key, etag, shown);
    }

    private static byte[] Written(string team)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ArmJson.Options.Encoder }))
        {
            Api.WriteResource(writer, Document(team).OpenShiftCluster);
        }

        return stream.ToArray();
    }

    private static OpenShiftClusterDocument Document(string team) => new()
    {
        Id = Key,
        PartitionKey = OpenShiftClusterDocument.PartitionKeyFor("00000000-0000-0000-0000-000000000001"),
        OpenShiftCluster = new Aro.Api.Model.OpenShiftCluster
        {
            Id = Key,
            Name = "c",
            Type = "Microsoft.RedHatOpenShift/openShiftClusters",
            Location = "eastus",
            Tags = new Dictionary<string, string> { ["team"] = team },
        },
    };
}
