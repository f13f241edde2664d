using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Model;

namespace Aro.Api.Versioning;

/// <summary>
/// What the frontend needs from one external api-version. Each version implements it over its own
/// swagger-shaped types, converter and static validator; the frontend never sees those types.
/// </summary>
public interface IOpenShiftClusterApi
{
    string ApiVersion { get; }

    /// <summary>
    /// Reads a request body (a PUT body, or a PATCH body already merged over <see cref="WriteResource"/>
    /// of the stored cluster) into the internal model and validates it statically.
    /// Read-only fields are taken from <see cref="StaticValidationContext.Existing"/> (or left empty on create);
    /// secrets omitted from the body are kept from the existing cluster.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The body cannot be deserialized into this version's types.</exception>
    /// <exception cref="CloudError">The body is invalid (400 with the exact ARM code, message and target).</exception>
    OpenShiftCluster ReadRequest(JsonNode body, StaticValidationContext context);

    /// <summary>The external form of a cluster, without secrets.</summary>
    JsonObject WriteResource(OpenShiftCluster cluster);

    /// <summary>A page of clusters: <c>{"value": [...], "nextLink": "..."}</c> (nextLink omitted when null).</summary>
    JsonObject WriteList(IEnumerable<OpenShiftCluster> clusters, string? nextLink);

    /// <summary>
    /// <see cref="WriteResource(OpenShiftCluster)"/> written straight to <paramref name="writer"/>, without the tree: the
    /// same JSON, escaped as the writer's encoder escapes. For responses; PATCH merges over the tree.
    /// </summary>
    void WriteResource(Utf8JsonWriter writer, OpenShiftCluster cluster);

    /// <summary><see cref="WriteList(IEnumerable{OpenShiftCluster}, string?)"/> written straight to <paramref name="writer"/>.</summary>
    void WriteList(Utf8JsonWriter writer, IEnumerable<OpenShiftCluster> clusters, string? nextLink);

    /// <summary>The listCredentials response.</summary>
    JsonObject WriteCredentials(ClusterCredentials credentials);

    /// <summary>The operations this version exposes (GET /providers/Microsoft.RedHatOpenShift/operations).</summary>
    JsonObject WriteOperations();
}
