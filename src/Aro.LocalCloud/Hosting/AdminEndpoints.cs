using System.Text.Json.Nodes;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Identity;
using Aro.LocalCloud.Kubernetes;
using Aro.LocalCloud.ServiceBus;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.LocalCloud.Hosting;

/// <summary>
/// /_localcloud/...: the knobs an out-of-process test (or a developer with curl) turns: faults, latency,
/// simulated clusters, reset. The same operations exist in-process on <see cref="LocalCloudServer"/>.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/faults", (FaultInjector faults) => Results.Json(Describe(faults)));
        admin.MapPost("/faults", async (HttpContext context, FaultInjector faults) =>
        {
            var (ok, body) = await JsonResponse.ReadObjectAsync(context);
            var operationType = ok ? body["operationType"]?.GetValue<string>() : null;
            if (string.IsNullOrWhiteSpace(operationType))
            {
                return Results.BadRequest(new { error = new { code = "InvalidRequestContent", message = "operationType is required." } });
            }

            var rule = faults.FailNext(
                operationType,
                body["count"]?.GetValue<int>() ?? 1,
                body["statusCode"]?.GetValue<int>() ?? 500,
                body["code"]?.GetValue<string>() ?? "InternalServerError",
                body["message"]?.GetValue<string>() ?? "Fault injected by the local cloud.");
            return Results.Json(Describe(rule), statusCode: 201);
        });
        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapDelete("/faults/{id:guid}", (Guid id, FaultInjector faults) => faults.Remove(id) ? Results.NoContent() : Results.NotFound());
        admin.MapPut("/latency", async (HttpContext context, FaultInjector faults) =>
        {
            var (ok, body) = await JsonResponse.ReadObjectAsync(context);
            var milliseconds = ok ? body["milliseconds"]?.GetValue<int>() : null;
            if (milliseconds is null)
            {
                return Results.BadRequest(new { error = new { code = "InvalidRequestContent", message = "milliseconds is required." } });
            }

            var operationType = body["operationType"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(operationType))
            {
                faults.SetDefaultLatency(TimeSpan.FromMilliseconds(milliseconds.Value));
            }
            else
            {
                faults.SetLatency(operationType, TimeSpan.FromMilliseconds(milliseconds.Value));
            }

            return Results.Json(Describe(faults));
        });
        admin.MapPut("/clusters/{key}", async (string key, HttpContext context, SimulatedClusters clusters) =>
        {
            var (_, body) = await JsonResponse.ReadObjectAsync(context);
            clusters.Ensure(key, body["openShiftVersion"]?.GetValue<string>());
            return Results.NoContent();
        });
        admin.MapDelete("/clusters/{key}", (string key, SimulatedClusters clusters) => clusters.Remove(key) ? Results.NoContent() : Results.NotFound());
        admin.MapGet("/clusters", (SimulatedClusters clusters) => Results.Json(clusters.Keys));
        admin.MapPost("/clusters/reconcile", async (SimulatedClusters clusters, CancellationToken cancellationToken) =>
        {
            await clusters.ReconcileAsync(cancellationToken);
            return Results.NoContent();
        });
        admin.MapGet("/resources", (LocalCloudStore store) =>
            Results.Json(store.Read(state => state.Resources.Values.Select(r => r["id"]?.GetValue<string>()).Order(StringComparer.Ordinal).ToList())));
        // The counters exist on the emulator's own server only; mounted into another host, its admin API has none.
        admin.MapGet("/connections", (IServiceProvider services) => Results.Json(new
        {
            accepted = services.GetService<ConnectionCounter>()?.Accepted,
            requests = services.GetService<RequestCounter>()?.Requests,
        }));
        admin.MapGet("/servicebus", (LocalServiceBus serviceBus) => Results.Json(serviceBus.Describe()));
        admin.MapPost("/servicebus/drop-connections", (LocalServiceBus serviceBus) =>
            Results.Json(new { dropped = serviceBus.DropConnections() }));
        admin.MapPost("/reset", (LocalCloudStore store, FaultInjector faults, ServicePrincipals servicePrincipals) =>
        {
            store.Reset();
            faults.Clear();
            servicePrincipals.Clear();
            return Results.NoContent();
        });
    }

    private static JsonObject Describe(FaultInjector faults) => new()
    {
        ["defaultLatencyMilliseconds"] = faults.DefaultLatency.TotalMilliseconds,
        ["latency"] = new JsonObject([.. faults.Latencies.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value.TotalMilliseconds))]),
        ["faults"] = new JsonArray([.. faults.Rules.Select(r => (JsonNode)Describe(r))]),
    };

    private static JsonObject Describe(FaultRule rule) => new()
    {
        ["id"] = rule.Id,
        ["operationType"] = rule.OperationType,
        ["remaining"] = rule.Remaining,
        ["hits"] = rule.Hits,
        ["statusCode"] = rule.StatusCode,
        ["code"] = rule.Code,
        ["message"] = rule.Message,
    };
}
