using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The README walkthrough as code: the same requests, in the same order, against the RP and its local cloud.
/// A client that only follows Azure-AsyncOperation and the documented URLs.
/// </summary>
internal sealed class Walkthrough(HttpClient rp, HttpClient localCloud)
{
    public const string Location = "eastus";
    public const string Api = "api-version=2020-04-30";
    private static readonly TimeSpan OperationDeadline = TimeSpan.FromSeconds(90);

    public string SubscriptionId { get; init; } = Guid.NewGuid().ToString();

    public string Cluster { get; init; } = "mycluster";

    public string ClientSecret { get; init; } = "local-secret";

    /// <summary>The pull secret the create sends; null keeps the example's.</summary>
    public string? PullSecret { get; init; }

    public string ClusterUrl => $"/subscriptions/{SubscriptionId}/resourceGroups/{Cluster}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{Cluster}";

    public string ClusterResourceGroupUrl => $"/subscriptions/{SubscriptionId}/resourceGroups/aro-{Cluster}";

    /// <summary>The customer's resource group and vnet with master and worker subnets, as the README's curl commands create them.</summary>
    public async Task CreateVirtualNetworkAsync()
    {
        var group = await localCloud.PutAsync(
            $"subscriptions/{SubscriptionId}/resourcegroups/{Cluster}-vnet?api-version=2021-04-01",
            Json($$$"""{"location": "{{{Location}}}"}"""));
        Assert.True(group.IsSuccessStatusCode, await group.Content.ReadAsStringAsync());
        var vnet = await localCloud.PutAsync(
            $"subscriptions/{SubscriptionId}/resourceGroups/{Cluster}-vnet/providers/Microsoft.Network/virtualNetworks/{Cluster}-vnet?api-version=2023-09-01",
            Json($$$"""
            {"location": "{{{Location}}}", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
             "subnets": [{"name": "master", "properties": {"addressPrefix": "10.0.0.0/23"}},
                         {"name": "worker", "properties": {"addressPrefix": "10.0.2.0/23"}}]}}
            """));
        Assert.True(vnet.IsSuccessStatusCode, await vnet.Content.ReadAsStringAsync());
    }

    public async Task RegisterSubscriptionAsync()
    {
        var response = await rp.PutAsync(
            $"/subscriptions/{SubscriptionId}?api-version=2.0",
            Json($$$"""{"state": "Registered", "properties": {"tenantId": "{{{Guid.NewGuid()}}}"}}"""));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>PUTs examples/cluster-v20200430.json filled in as the README's sed does; returns the Azure-AsyncOperation URL.</summary>
    public async Task<string> CreateClusterAsync()
    {
        var response = await PutClusterAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Creating", (await ReadJsonAsync(response))["properties"]!["provisioningState"]!.GetValue<string>());
        return AsyncOperationUrl(response);
    }

    /// <summary>The example PUT, whatever it is answered.</summary>
    public async Task<HttpResponseMessage> PutClusterAsync()
    {
        var body = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "examples", "cluster-v20200430.json")))
            .Replace("{subscriptionId}", SubscriptionId, StringComparison.Ordinal)
            .Replace("{cluster}", Cluster, StringComparison.Ordinal)
            .Replace("{location}", Location, StringComparison.Ordinal)
            .Replace("{clientId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{clientSecret}", ClientSecret, StringComparison.Ordinal);
        if (PullSecret is not null)
        {
            var cluster = JsonNode.Parse(body)!;
            cluster["properties"]!["clusterProfile"]!["pullSecret"] = PullSecret;
            body = cluster.ToJsonString();
        }

        return await rp.PutAsync($"{ClusterUrl}?{Api}", Json(body));
    }

    public async Task<string> ScaleAsync(int workers)
    {
        // The README's short form: the profile's name and its new count, merged into the stored profile.
        var body = $$$"""{"properties": {"workerProfiles": [{"name": "worker", "count": {{{workers}}}}]}}""";
        var response = await rp.PatchAsync($"{ClusterUrl}?{Api}", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Updating", (await ReadJsonAsync(response))["properties"]!["provisioningState"]!.GetValue<string>());
        return AsyncOperationUrl(response);
    }

    public async Task<string> DeleteAsync()
    {
        var response = await rp.DeleteAsync($"{ClusterUrl}?{Api}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return AsyncOperationUrl(response);
    }

    public async Task<JsonObject> GetClusterAsync()
    {
        var response = await rp.GetAsync($"{ClusterUrl}?{Api}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<HttpResponseMessage> ListCredentialsAsync() =>
        await rp.PostAsync($"{ClusterUrl}/listCredentials?{Api}", Json("{}"));

    /// <summary>
    /// Waits for /healthz/ready: the bus is up and the backend's start-up sweep has run, so an operation created now is
    /// delivered once rather than also resumed. For tests that count what a step leaves behind (dead letters).
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + OperationDeadline;
        while ((await rp.GetAsync("/healthz/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The RP was not ready in {OperationDeadline}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Polls the operation until it settles and returns its last status document.</summary>
    public async Task<JsonObject> WaitForOperationAsync(string operationUrl, Func<JsonObject, bool>? until = null)
    {
        until ??= status => status["status"]?.GetValue<string>() is "Succeeded" or "Failed" or "Canceled";
        var deadline = DateTimeOffset.UtcNow + OperationDeadline;
        while (true)
        {
            var response = await rp.GetAsync(new Uri(operationUrl).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await ReadJsonAsync(response);
            if (until(status))
            {
                return status;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                Assert.Fail($"The operation did not get there in {OperationDeadline}: {status.ToJsonString()}{Environment.NewLine}{await WhereThingsStandAsync()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// For an operation that did not settle: the RP's readiness (which endpoint is not receiving) and, when the local
    /// cloud serves a Service Bus, its entities' counts (a message still active, dead-lettered or nowhere at all).
    /// </summary>
    private async Task<string> WhereThingsStandAsync()
    {
        var readiness = await rp.GetAsync("/healthz/ready");
        var serviceBus = await localCloud.GetAsync("_localcloud/servicebus");
        var counts = await serviceBus.Content.ReadAsStringAsync();
        return $"/healthz/ready: {(int)readiness.StatusCode} {await readiness.Content.ReadAsStringAsync()}{Environment.NewLine}" +
            $"_localcloud/servicebus: {(int)serviceBus.StatusCode} {counts[..Math.Min(counts.Length, 30_000)]}";
    }

    /// <summary>The names of one resource type in the cluster resource group, from the local cloud's ARM list endpoint.</summary>
    public async Task<IReadOnlyList<string>> ClusterResourcesAsync(string resourceType)
    {
        var response = await localCloud.GetAsync($"{ClusterResourceGroupUrl.TrimStart('/')}/providers/{resourceType}?api-version=2024-07-01");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))["value"]!.AsArray()
            .Select(resource => resource!["name"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public async Task<HttpStatusCode> ClusterResourceGroupStatusAsync() =>
        (await localCloud.GetAsync($"{ClusterResourceGroupUrl.TrimStart('/')}?api-version=2021-04-01")).StatusCode;

    /// <summary>Arms a fault in the local cloud: every matching request fails, or only the next <paramref name="count"/>.</summary>
    public async Task FailInLocalCloudAsync(string operationType, int statusCode, string code, string message, int count = -1)
    {
        var response = await localCloud.PostAsJsonAsync("_localcloud/faults", new { operationType, count, statusCode, code, message });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static string AsyncOperationUrl(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Azure-AsyncOperation"));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
