using System.Text;
using System.Text.Json;
using Aro.Api.Model;
using Aro.Api.Versioning;
using Aro.Frontend;
using Aro.Frontend.Clusters;
using Aro.Frontend.Http;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Tests.Http;

/// <summary>Reads answer through the writer instead of the tree; clients must not see a byte of difference.</summary>
public sealed class ArmJsonWriterResultTests
{
    public static TheoryData<string> ApiVersions() => new(ApiVersionRegistry.CreateDefault().ApiVersions);

    [Theory]
    [MemberData(nameof(ApiVersions))]
    public async Task A_cluster_and_a_list_answer_the_bytes_and_content_type_the_tree_answered(string apiVersion)
    {
        Assert.True(ApiVersionRegistry.CreateDefault().TryGet(apiVersion, out var api));
        var cluster = Cluster("first", new Dictionary<string, string> { ["<owner & 'team'>"] = "\"é\" 😀 +\n\u0001" });
        var other = Cluster("sécond", null);

        var (treeType, tree, _) = await ExecuteAsync(ArmResults.Json(api.WriteResource(cluster)));
        var (writerType, written, _) = await ExecuteAsync(ArmResults.Json(writer => api.WriteResource(writer, cluster)));
        var (_, treeList, _) = await ExecuteAsync(ArmResults.Json(api.WriteList([cluster, other], "https://rp/next?$skipToken=a+b/c=")));
        var (_, writtenList, _) = await ExecuteAsync(ArmResults.Json(writer => api.WriteList(writer, [cluster, other], "https://rp/next?$skipToken=a+b/c=")));

        Assert.Equal(treeType, writerType);
        Assert.Equal(tree, written);
        Assert.Equal(treeList, writtenList);
        Assert.Equal("first", JsonDocument.Parse(written).RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiVersions))]
    public async Task A_cluster_and_a_list_made_from_remembered_JSON_answer_the_same_bytes_with_their_length(string apiVersion)
    {
        Assert.True(ApiVersionRegistry.CreateDefault().TryGet(apiVersion, out var api));
        var cluster = Cluster("first", new Dictionary<string, string> { ["<owner & 'team'>"] = "\"é\" 😀 +\n\u0001" });
        var other = Cluster("sécond", null);
        const string NextLink = "https://rp/next?$skipToken=a+b/c=&x=\"é\"";
        using var cache = new ClusterJsonCache(Options.Create(new FrontendOptions()));
        var first = cache.JsonOf(api, Shown(cluster), known: null);
        var second = cache.JsonOf(api, Shown(other), known: null);

        var (_, tree, _) = await ExecuteAsync(ArmResults.Json(api.WriteResource(cluster)));
        var (remembered, rememberedLength) = await ExecuteWithLengthAsync(ArmResults.Json(first));
        foreach (var (clusters, items, nextLink) in new (OpenShiftCluster[], byte[][], string?)[]
        {
            ([cluster, other], [first, second], NextLink),
            ([cluster, other], [first, second], null),
            ([cluster], [first], NextLink),
            ([], [], null),
        })
        {
            var (_, treeList, _) = await ExecuteAsync(ArmResults.Json(api.WriteList(clusters, nextLink)));
            var (list, listLength) = await ExecuteWithLengthAsync(new ArmJsonBytesResult(ArmList.Json(items, nextLink)));

            Assert.Equal(Encoding.UTF8.GetString(treeList), Encoding.UTF8.GetString(list));
            Assert.Equal(list.Length, listLength);
        }

        Assert.Equal(tree, remembered);
        Assert.Equal(tree.Length, rememberedLength);
    }

    private static DocumentVersion<OpenShiftClusterWithoutSecrets> Shown(OpenShiftCluster cluster)
    {
        var document = new OpenShiftClusterDocument { Id = cluster.Id.ToLowerInvariant(), PartitionKey = "p", ETag = "\"1\"", OpenShiftCluster = cluster };
        return new DocumentVersion<OpenShiftClusterWithoutSecrets>(document.Id, "\"1\"", OpenShiftClusterWithoutSecrets.Of(document));
    }

    /// <summary><see cref="ExecuteAsync"/> of a result that must answer JSON with its length.</summary>
    private static async Task<(byte[] Body, long? ContentLength)> ExecuteWithLengthAsync(IResult result)
    {
        var (contentType, body, contentLength) = await ExecuteAsync(result);
        Assert.Equal("application/json", contentType);
        return (body, contentLength);
    }

    private static async Task<(string? ContentType, byte[] Body, long? ContentLength)> ExecuteAsync(IResult result)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return (context.Response.ContentType, body.ToArray(), context.Response.ContentLength);
    }

    private static OpenShiftCluster Cluster(string name, Dictionary<string, string>? tags) => new()
    {
        Id = "/subscriptions/af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/" + name,
        Name = name,
        Type = "Microsoft.RedHatOpenShift/openShiftClusters",
        Location = "eastus",
        Tags = tags,
        Properties = new OpenShiftClusterProperties
        {
            ProvisioningState = ProvisioningState.Succeeded,
            ClusterProfile = new ClusterProfile { PullSecret = "secret", Domain = "cluster", Version = "4.3.0", ResourceGroupId = "/subscriptions/af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1/resourceGroups/aro" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, Count = 3 }],
        },
    };
}
