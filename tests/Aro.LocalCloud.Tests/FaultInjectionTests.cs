using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;

namespace Aro.LocalCloud.Tests;

/// <summary>Faults and latency per operation type, in-process and over the admin API.</summary>
public sealed class FaultInjectionTests(LocalCloudFixture fixture) : IClassFixture<LocalCloudFixture>, IDisposable
{
    public void Dispose() => fixture.Server.Faults.Clear();

    private static GenericResourceData Zone() => new(new AzureLocation("global"));

    [Fact]
    public async Task FailNext_fails_exactly_the_next_matching_operation_with_the_given_error()
    {
        await fixture.CreateResourceGroupAsync("rg-fault");
        var arm = fixture.CreateArmClient();
        var zoneId = new ResourceIdentifier($"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-fault/providers/Microsoft.Network/dnszones/fault.example.com");
        var rule = fixture.Server.Faults.FailNext("Microsoft.Network/dnszones/write", count: 1, statusCode: 409, code: "Conflict", message: "Injected DNS conflict.");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => arm.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, zoneId, Zone()));
        Assert.Equal(409, error.Status);
        Assert.Equal("Conflict", error.ErrorCode);
        Assert.Equal(1, rule.Hits);

        // The fault is spent: the retry succeeds.
        var zone = await arm.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, zoneId, Zone());
        Assert.Equal("fault.example.com", zone.Value.Data.Name);
    }

    [Fact]
    public async Task Faults_and_latency_can_be_armed_over_the_admin_api()
    {
        await fixture.CreateResourceGroupAsync("rg-admin-fault");
        var path = $"subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-admin-fault/providers/Microsoft.Compute/virtualMachines/vm?api-version=2023-03-01";
        using (var armed = await fixture.SendAsync(HttpMethod.Post, "_localcloud/faults", new JsonObject
        {
            ["operationType"] = "Microsoft.Compute/*",
            ["count"] = 2,
            ["statusCode"] = 429,
            ["code"] = "TooManyRequests",
            ["message"] = "Throttled by the test.",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, armed.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var throttled = await fixture.SendAsync(HttpMethod.Put, path, new JsonObject { ["location"] = "eastus" });
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal("TooManyRequests", (await LocalCloudFixture.ReadJsonAsync(throttled))["error"]!["code"]!.GetValue<string>());
        }

        using (var created = await fixture.SendAsync(HttpMethod.Put, path, new JsonObject { ["location"] = "eastus" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var latency = await fixture.SendAsync(HttpMethod.Put, "_localcloud/latency",
            new JsonObject { ["operationType"] = "Microsoft.Compute/virtualMachines/read", ["milliseconds"] = 300 }))
        {
            Assert.Equal(HttpStatusCode.OK, latency.StatusCode);
        }

        // A lower bound only: the delay must be applied; how much longer the machine takes is not this test's business.
        // Timers may fire a hair early against the stopwatch, so the bound leaves them a little room.
        var watch = Stopwatch.StartNew();
        using (await fixture.SendAsync(HttpMethod.Get, path))
        {
        }

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"took {watch.Elapsed}");

        using var cleared = await fixture.SendAsync(HttpMethod.Delete, "_localcloud/faults");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(fixture.Server.Faults.Latencies);
    }
}
