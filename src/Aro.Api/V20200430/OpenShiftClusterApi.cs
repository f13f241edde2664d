using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Resources;
using Aro.Api.Serialization;
using Aro.Api.Versioning;

namespace Aro.Api.V20200430;

/// <summary>The 2020-04-30 api-version.</summary>
public sealed class OpenShiftClusterApi : IOpenShiftClusterApi
{
    public const string Version = "2020-04-30";

    public string ApiVersion => Version;

    public Model.OpenShiftCluster ReadRequest(JsonNode body, StaticValidationContext context)
    {
        var external = body.Deserialize<OpenShiftCluster>(ExternalJson.Options)
            ?? throw new JsonException("The request body is null.");
        var cluster = OpenShiftClusterConverter.ToInternal(external, context.Existing);
        OpenShiftClusterStaticValidator.Validate(external, cluster, context);

        if (context.IsCreate)
        {
            // A new cluster is named by its URL, in the caller's casing, whatever the body said.
            var resource = ResourceId.Parse(context.ResourceId);
            cluster.Id = context.ResourceId;
            cluster.Name = resource.Name;
            cluster.Type = resource.ResourceType!;
        }

        return cluster;
    }

    public JsonObject WriteResource(Model.OpenShiftCluster cluster) => ToJson(OpenShiftClusterConverter.ToExternal(cluster));

    public JsonObject WriteList(IEnumerable<Model.OpenShiftCluster> clusters, string? nextLink) => ToJson(List(clusters, nextLink));

    public void WriteResource(Utf8JsonWriter writer, Model.OpenShiftCluster cluster) =>
        JsonSerializer.Serialize(writer, OpenShiftClusterConverter.ToExternal(cluster), ExternalJson.Options);

    public void WriteList(Utf8JsonWriter writer, IEnumerable<Model.OpenShiftCluster> clusters, string? nextLink) =>
        JsonSerializer.Serialize(writer, List(clusters, nextLink), ExternalJson.Options);

    public JsonObject WriteCredentials(Model.ClusterCredentials credentials) => ToJson(new OpenShiftClusterCredentials
    {
        KubeadminUsername = credentials.KubeadminUsername,
        KubeadminPassword = credentials.KubeadminPassword,
    });

    public JsonObject WriteOperations() => ToJson(new OperationList
    {
        Value = ResourceProviderOperations.All.Select(o => new Operation
        {
            Name = o.Name,
            Display = new Display
            {
                Provider = ResourceProviderOperation.Provider,
                Resource = o.Resource,
                Operation = o.Operation,
                Description = o.Description,
            },
            Origin = ResourceProviderOperation.Origin,
        }).ToList(),
    });

    private static OpenShiftClusterList List(IEnumerable<Model.OpenShiftCluster> clusters, string? nextLink) => new()
    {
        Value = clusters.Select(OpenShiftClusterConverter.ToExternal).ToList(),
        NextLink = nextLink,
    };

    private static JsonObject ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, ExternalJson.Options)!.AsObject();
}
