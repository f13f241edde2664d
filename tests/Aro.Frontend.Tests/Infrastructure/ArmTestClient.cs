using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Testing.Clusters;

namespace Aro.Frontend.Tests.Infrastructure;

/// <summary>Speaks ARM to the in-process RP: one subscription, one resource group, helpers for the common calls.</summary>
public sealed class ArmTestClient(HttpClient http)
{
    public const string ApiVersion = "2020-04-30";

    public string SubscriptionId { get; } = Guid.NewGuid().ToString();

    public string ResourceGroup { get; } = "myResourceGroup";

    public HttpClient Http => http;

    public string ClusterPath(string name, string? resourceGroup = null) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup ?? ResourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";

    public static string WithApiVersion(string path, string apiVersion = ApiVersion) =>
        path + (path.Contains('?') ? "&" : "?") + "api-version=" + apiVersion;

    public async Task RegisterSubscriptionAsync(string state = "Registered")
    {
        var response = await SendAsync(HttpMethod.Put, $"/subscriptions/{SubscriptionId}?api-version=2.0",
            new JsonObject { ["state"] = state, ["properties"] = new JsonObject { ["tenantId"] = Guid.NewGuid().ToString() } });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The domain <see cref="ValidCluster"/> asks for unless told the cluster: this client's own, as no two clusters may
    /// share one (DuplicateDomain) and tests sharing a host each have their own client.
    /// </summary>
    public string Domain => DomainFor(SubscriptionId);

    /// <summary>The domain of the cluster at <paramref name="clusterPath"/>: its own.</summary>
    public static string DomainOf(string clusterPath) => DomainFor(clusterPath.ToLowerInvariant());

    /// <summary>PUTs <paramref name="body"/> (a <see cref="ValidCluster"/> by default); if it asks for <see cref="Domain"/>, the cluster gets its own instead.</summary>
    public Task<HttpResponseMessage> PutClusterAsync(string name, JsonNode? body = null, string apiVersion = ApiVersion)
    {
        body = (body ?? ValidCluster()).DeepClone();
        if (body["properties"]?["clusterProfile"] is JsonObject profile && (string?)profile["domain"] == Domain)
        {
            profile["domain"] = DomainOf(ClusterPath(name));
        }

        return SendAsync(HttpMethod.Put, WithApiVersion(ClusterPath(name), apiVersion), body);
    }

    public Task<HttpResponseMessage> PatchClusterAsync(string name, JsonNode body, string apiVersion = ApiVersion) =>
        SendAsync(HttpMethod.Patch, WithApiVersion(ClusterPath(name), apiVersion), body);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => http.GetAsync(pathAndQuery);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await http.SendAsync(request);
    }

    /// <summary>A create request the 2020-04-30 validator accepts, for this client's subscription (and the cluster at <paramref name="clusterPath"/>, if given).</summary>
    public JsonObject ValidCluster(string location = RpFactory.Location, string? clusterPath = null) =>
        ValidClusterRequest.Body(
            SubscriptionId,
            location,
            tags: new JsonObject { ["team"] = "platform" },
            domain: clusterPath is null ? Domain : DomainOf(clusterPath),
            clusterResourceGroupId: $"/subscriptions/{SubscriptionId}/resourceGroups/aro-mycluster",
            clientId: Guid.NewGuid().ToString(),
            clientSecret: "super-secret-client-secret");

    // A valid domain (a letter first) that no other client or cluster gets.
    private static string DomainFor(string seed) =>
        "c" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..16];
}
