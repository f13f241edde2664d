using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Versioning;

namespace Aro.Api.V20191231Preview;

// Placeholder until the version's types, converter and validator land.
public sealed class OpenShiftClusterApi : IOpenShiftClusterApi
{
    public string ApiVersion => "";

    public OpenShiftCluster ReadRequest(JsonNode body, StaticValidationContext context) => throw new NotImplementedException();

    public JsonObject WriteResource(OpenShiftCluster cluster) => throw new NotImplementedException();

    public JsonObject WriteList(IEnumerable<OpenShiftCluster> clusters, string? nextLink) => throw new NotImplementedException();

    public JsonObject WriteCredentials(ClusterCredentials credentials) => throw new NotImplementedException();

    public JsonObject WriteOperations() => throw new NotImplementedException();
}
