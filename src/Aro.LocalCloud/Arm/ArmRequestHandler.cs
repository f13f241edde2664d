using System.Text.Json.Nodes;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Identity;
using Aro.LocalCloud.Kubernetes;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Arm;

/// <summary>
/// Serves /subscriptions/... and /providers/... . Routing is done here rather than with route
/// templates because ARM paths are case-insensitive and arbitrarily nested
/// (dnszones/{zone}/A/{record}, virtualNetworks/{vnet}/subnets/{subnet}).
/// </summary>
internal sealed class ArmRequestHandler(LocalCloudStore store, FaultInjector faults, LocalCloudOptions options, MachineController machines, CallerPermissions permissions)
{
    public async Task HandleAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!context.Request.Query.ContainsKey("api-version"))
        {
            await ArmError.MissingApiVersionAsync(context);
            return;
        }

        if (CallerPermissions.ScopeOf(context.Request.Path.Value!) is { } scope)
        {
            if (!await FaultAsync(context, "Microsoft.Authorization/permissions/read"))
            {
                await permissions.HandleAsync(context, scope);
            }

            return;
        }

        if (segments.Length >= 2 && segments[0].Equals("providers", StringComparison.OrdinalIgnoreCase))
        {
            if (await FaultAsync(context, "Microsoft.Resources/providers/read"))
            {
                return;
            }

            await JsonResponse.WriteAsync(context, 200, ProviderCatalog.Describe(null, segments[1], Locations));
            return;
        }

        if (segments.Length < 2)
        {
            await JsonResponse.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray() });
            return;
        }

        var subscription = segments[1];
        var rest = segments[2..];
        var first = rest.Length > 0 ? rest[0].ToLowerInvariant() : "";
        switch (first)
        {
            case "" when HttpMethods.IsGet(context.Request.Method):
                if (!await FaultAsync(context, "Microsoft.Resources/subscriptions/read"))
                {
                    await JsonResponse.WriteAsync(context, 200, SubscriptionBody(subscription));
                }

                return;
            case "locations" when rest.Length == 1:
                if (!await FaultAsync(context, "Microsoft.Resources/subscriptions/locations/read"))
                {
                    await JsonResponse.WriteAsync(context, 200, LocationsBody(subscription));
                }

                return;
            case "providers" when rest.Length == 1:
                await JsonResponse.WriteAsync(context, 200, new JsonObject
                {
                    ["value"] = new JsonArray([.. ProviderCatalog.Names.Select(n => (JsonNode)ProviderCatalog.Describe(subscription, n, Locations))]),
                });
                return;
            case "providers" when rest.Length == 2:
                if (!await FaultAsync(context, "Microsoft.Resources/providers/read"))
                {
                    await JsonResponse.WriteAsync(context, 200, ProviderCatalog.Describe(subscription, rest[1], Locations));
                }

                return;
            case "providers" when rest.Length >= 3 && rest.Length % 2 == 1 && HttpMethods.IsGet(context.Request.Method):
                await ListBySubscriptionAsync(context, subscription, $"{rest[1]}/{string.Join('/', rest.Skip(2))}");
                return;
            case "operationresults":
                // Deletes complete before their 202 is sent, so every operation result is final.
                await JsonResponse.WriteAsync(context, 200, null);
                return;
            case "resourcegroups" when rest.Length == 1:
                await ListResourceGroupsAsync(context, subscription);
                return;
            case "resourcegroups" when rest.Length == 2:
                await ResourceGroupAsync(context, subscription, rest[1]);
                return;
            case "resourcegroups" when rest.Length == 3 && rest[2].Equals("resources", StringComparison.OrdinalIgnoreCase):
                await ListResourceGroupContentsAsync(context, subscription, rest[1]);
                return;
            case "resourcegroups" when rest.Length >= 5 && rest[2].Equals("providers", StringComparison.OrdinalIgnoreCase):
                await ResourceAsync(context, ArmResourcePath.Parse(subscription, rest[1], rest[3..]));
                return;
            default:
                await ArmError.InvalidResourceTypeAsync(context);
                return;
        }
    }

    private IReadOnlyList<string> Locations => [options.DefaultLocation, "westus", "westeurope", "northeurope"];

    private async Task<bool> FaultAsync(HttpContext context, string operationType)
    {
        var fault = await faults.ApplyAsync(operationType, context.RequestAborted);
        if (fault is null)
        {
            return false;
        }

        await ArmError.WriteAsync(context, fault.StatusCode, fault.Code, fault.Message);
        return true;
    }

    private static string Verb(HttpContext context) => context.Request.Method.ToUpperInvariant() switch
    {
        "GET" or "HEAD" => "read",
        "PUT" or "PATCH" => "write",
        "DELETE" => "delete",
        _ => "action",
    };

    private static JsonObject SubscriptionBody(string subscription) => new()
    {
        ["id"] = $"/subscriptions/{subscription}",
        ["subscriptionId"] = subscription,
        ["tenantId"] = "00000000-0000-0000-0000-000000000000",
        ["displayName"] = "Local cloud subscription",
        ["state"] = "Enabled",
        ["subscriptionPolicies"] = new JsonObject
        {
            ["locationPlacementId"] = "Public_2014-09-01",
            ["quotaId"] = "Internal_2014-09-01",
            ["spendingLimit"] = "Off",
        },
        ["authorizationSource"] = "RoleBased",
    };

    private JsonObject LocationsBody(string subscription) => new()
    {
        ["value"] = new JsonArray([.. Locations.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = $"/subscriptions/{subscription}/locations/{l}",
            ["name"] = l,
            ["displayName"] = l,
            ["regionalDisplayName"] = l,
            ["metadata"] = new JsonObject { ["regionType"] = "Physical" },
        })]),
    };

    private static string ResourceGroupKey(string subscription, string resourceGroup) =>
        ArmResourcePath.Key($"/subscriptions/{subscription}/resourceGroups/{resourceGroup}");

    private async Task ListResourceGroupsAsync(HttpContext context, string subscription)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await ArmError.MethodNotAllowedAsync(context);
            return;
        }

        if (await FaultAsync(context, "Microsoft.Resources/resourceGroups/read"))
        {
            return;
        }

        var prefix = ArmResourcePath.Key($"/subscriptions/{subscription}/resourceGroups/");
        var groups = store.Read(state => state.Resources
            .Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal) && !r.Key[prefix.Length..].Contains('/'))
            .Select(r => r.Value.DeepClone())
            .ToList());
        await JsonResponse.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. groups]) });
    }

    private async Task ResourceGroupAsync(HttpContext context, string subscription, string resourceGroup)
    {
        if (await FaultAsync(context, $"Microsoft.Resources/resourceGroups/{Verb(context)}"))
        {
            return;
        }

        var key = ResourceGroupKey(subscription, resourceGroup);
        var method = context.Request.Method.ToUpperInvariant();
        switch (method)
        {
            case "GET" or "HEAD":
                var found = store.Read(state => state.Resources.GetValueOrDefault(key)?.DeepClone());
                if (found is null)
                {
                    if (method == "HEAD")
                    {
                        context.Response.StatusCode = 404;
                        return;
                    }

                    await ArmError.ResourceGroupNotFoundAsync(context, resourceGroup);
                    return;
                }

                await JsonResponse.WriteAsync(context, method == "HEAD" ? 204 : 200, found);
                return;
            case "PUT" or "PATCH":
                var (ok, body) = await JsonResponse.ReadObjectAsync(context);
                if (!ok)
                {
                    await ArmError.InvalidRequestContentAsync(context);
                    return;
                }

                var (created, result) = store.Write(state =>
                {
                    var existing = state.Resources.GetValueOrDefault(key);
                    if (method == "PATCH" && existing is null)
                    {
                        return (false, (JsonObject?)null);
                    }

                    var group = new JsonObject
                    {
                        ["id"] = existing?["id"]?.GetValue<string>() ?? $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}",
                        ["name"] = existing?["name"]?.GetValue<string>() ?? resourceGroup,
                        ["type"] = "Microsoft.Resources/resourceGroups",
                        ["location"] = existing?["location"]?.GetValue<string>() ?? body["location"]?.GetValue<string>() ?? options.DefaultLocation,
                        ["tags"] = (body["tags"] ?? existing?["tags"] ?? new JsonObject()).DeepClone(),
                        ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" },
                    };
                    if (body["managedBy"] is { } managedBy)
                    {
                        group["managedBy"] = managedBy.DeepClone();
                    }

                    state.Resources[key] = group;
                    return (existing is null, (JsonObject?)group.DeepClone());
                });
                if (result is null)
                {
                    await ArmError.ResourceGroupNotFoundAsync(context, resourceGroup);
                    return;
                }

                await JsonResponse.WriteAsync(context, created ? 201 : 200, result);
                return;
            case "DELETE":
                var deleted = store.Write(state =>
                {
                    if (!state.Resources.Remove(key))
                    {
                        return false;
                    }

                    foreach (var child in state.Resources.KeysStartingWith(key + "/"))
                    {
                        state.Resources.Remove(child);
                    }

                    // The simulated cluster lives in its cluster resource group; removing the group removes the cluster.
                    machines.ForgetCluster(state, resourceGroup.ToLowerInvariant());
                    return true;
                });
                if (!deleted)
                {
                    await ArmError.ResourceGroupNotFoundAsync(context, resourceGroup);
                    return;
                }

                // ARM answers a group delete with 202 and a Location to poll; SDK pollers expect exactly that.
                var request = context.Request;
                context.Response.Headers.Location =
                    $"{request.Scheme}://{request.Host}/subscriptions/{subscription}/operationresults/{Guid.NewGuid():N}?api-version={request.Query["api-version"]}";
                context.Response.Headers.RetryAfter = "0";
                context.Response.StatusCode = 202;
                return;
            default:
                await ArmError.MethodNotAllowedAsync(context);
                return;
        }
    }

    private async Task ListResourceGroupContentsAsync(HttpContext context, string subscription, string resourceGroup)
    {
        if (await FaultAsync(context, "Microsoft.Resources/resources/read"))
        {
            return;
        }

        var key = ResourceGroupKey(subscription, resourceGroup);
        var items = store.Read(state => state.Resources.ContainsKey(key)
            ? state.Resources.EntriesStartingWith(key + "/providers/").Select(r => r.Value.DeepClone()).ToList()
            : null);
        if (items is null)
        {
            await ArmError.ResourceGroupNotFoundAsync(context, resourceGroup);
            return;
        }

        await JsonResponse.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. items]) });
    }

    private async Task ListBySubscriptionAsync(HttpContext context, string subscription, string resourceType)
    {
        if (await FaultAsync(context, $"{resourceType}/read"))
        {
            return;
        }

        var prefix = ArmResourcePath.Key($"/subscriptions/{subscription}/");
        var items = store.Read(state => state.Resources.InGroup(resourceType.ToLowerInvariant())
            .Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)
                && string.Equals(r.Value["type"]?.GetValue<string>(), resourceType, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Value.DeepClone())
            .ToList());
        await JsonResponse.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. items]) });
    }

    private Task ResourceAsync(HttpContext context, ArmResourcePath path)
    {
        var operations = new ResourceOperations(store, faults, options);
        return operations.HandleAsync(context, path);
    }
}
