using System.Text.Json.Nodes;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Arm;

/// <summary>Create-or-update, read, delete, list and actions for any provider resource type.</summary>
internal sealed class ResourceOperations(LocalCloudStore store, FaultInjector faults, LocalCloudOptions options)
{
    public async Task HandleAsync(HttpContext context, ArmResourcePath path)
    {
        var method = context.Request.Method.ToUpperInvariant();
        var isAction = !path.IsResource && method == "POST" && path.Types.Count >= 2;
        var operationType = isAction
            ? $"{path.Parent.ResourceType}/{path.Types[^1]}/action"
            : $"{path.ResourceType}/{Verb(method)}";
        var fault = await faults.ApplyAsync(operationType, context.RequestAborted);
        if (fault is not null)
        {
            await ArmError.WriteAsync(context, fault.StatusCode, fault.Code, fault.Message);
            return;
        }

        if (!store.Read(state => state.Resources.ContainsKey(ArmResourcePath.Key(path.ResourceGroupId))))
        {
            await ArmError.ResourceGroupNotFoundAsync(context, path.ResourceGroup);
            return;
        }

        if (isAction)
        {
            await ActionAsync(context, path);
            return;
        }

        if (!path.IsResource)
        {
            if (method == "GET")
            {
                await ListAsync(context, path);
            }
            else
            {
                await ArmError.MethodNotAllowedAsync(context);
            }

            return;
        }

        switch (method)
        {
            case "GET" or "HEAD":
                await GetAsync(context, path, method == "HEAD");
                return;
            case "PUT" or "PATCH":
                await PutAsync(context, path, method == "PATCH");
                return;
            case "DELETE":
                await DeleteAsync(context, path);
                return;
            default:
                await ArmError.MethodNotAllowedAsync(context);
                return;
        }
    }

    private static string Verb(string method) => method switch
    {
        "GET" or "HEAD" => "read",
        "PUT" or "PATCH" => "write",
        "DELETE" => "delete",
        _ => "action",
    };

    /// <summary>The parent's array property holding this child, when ARM embeds the child type in the parent.</summary>
    private static string? EmbeddingProperty(ArmResourcePath path) =>
        path.Types.Count >= 2 ? EmbeddedChildCollections.PropertyFor(path.Parent.ResourceType, path.Types[^1]) : null;

    private static JsonObject? FindEmbedded(JsonObject parent, string property, string name) =>
        (parent["properties"]?[property] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => string.Equals(c["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase));

    private async Task GetAsync(HttpContext context, ArmResourcePath path, bool head)
    {
        var property = EmbeddingProperty(path);
        var found = store.Read(state =>
        {
            if (property is null)
            {
                return state.Resources.GetValueOrDefault(ArmResourcePath.Key(path.Id))?.DeepClone();
            }

            var parent = state.Resources.GetValueOrDefault(ArmResourcePath.Key(path.Parent.Id));
            return parent is null ? null : FindEmbedded(parent, property, path.Name)?.DeepClone();
        });
        if (found is null)
        {
            if (head)
            {
                context.Response.StatusCode = 404;
                return;
            }

            await ArmError.ResourceNotFoundAsync(context, path.ResourceType, string.Join('/', path.Names), path.ResourceGroup);
            return;
        }

        await JsonResponse.WriteAsync(context, head ? 204 : 200, found);
    }

    private async Task ListAsync(HttpContext context, ArmResourcePath path)
    {
        var property = EmbeddingProperty(path);
        var items = store.Read(state =>
        {
            if (path.Types.Count >= 2)
            {
                var parent = state.Resources.GetValueOrDefault(ArmResourcePath.Key(path.Parent.Id));
                if (parent is null)
                {
                    return null;
                }

                if (property is not null)
                {
                    return (parent["properties"]?[property] as JsonArray)?.Select(c => c!.DeepClone()).ToList() ?? [];
                }

                // DNS lists every record set of a zone under "recordsets" and "all".
                var last = path.Types[^1];
                if (last.Equals("recordsets", StringComparison.OrdinalIgnoreCase) || last.Equals("all", StringComparison.OrdinalIgnoreCase))
                {
                    return Children(state, ArmResourcePath.Key(path.Parent.Id) + "/", depth: 2);
                }
            }

            return Children(state, ArmResourcePath.Key(path.Id) + "/", depth: 1);
        });
        if (items is null)
        {
            await ArmError.ParentResourceNotFoundAsync(context, path.Parent.Name);
            return;
        }

        await JsonResponse.WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. items]) });
    }

    private static List<JsonNode> Children(LocalCloudState state, string prefix, int depth) =>
        [.. state.Resources.EntriesStartingWith(prefix)
            .Where(r => r.Key.AsSpan(prefix.Length).Count('/') == depth - 1)
            .Select(r => r.Value.DeepClone())];

    private async Task PutAsync(HttpContext context, ArmResourcePath path, bool patch)
    {
        var (ok, body) = await JsonResponse.ReadObjectAsync(context);
        if (!ok)
        {
            await ArmError.InvalidRequestContentAsync(context);
            return;
        }

        var blobBaseAddress = BlobBaseAddress(context.Request);
        var property = EmbeddingProperty(path);
        var outcome = store.Write(state =>
        {
            var groupLocation = state.Resources[ArmResourcePath.Key(path.ResourceGroupId)]["location"]?.GetValue<string>();
            JsonObject? parent = null;
            if (path.Types.Count >= 2)
            {
                parent = state.Resources.GetValueOrDefault(ArmResourcePath.Key(path.Parent.Id));
                if (parent is null)
                {
                    return PutOutcome.ParentMissing;
                }
            }

            if (property is not null)
            {
                return PutEmbedded(parent!, path, property, body, patch);
            }

            var key = ArmResourcePath.Key(path.Id);
            var existing = state.Resources.GetValueOrDefault(key);
            if (patch)
            {
                if (existing is null)
                {
                    return PutOutcome.Missing;
                }

                body = (JsonObject)JsonMergePatch.Apply(existing.DeepClone(), body)!;
            }

            body["id"] = existing?["id"]?.GetValue<string>() ?? path.Id;
            body["name"] = existing?["name"]?.GetValue<string>() ?? path.Name;
            body["type"] = path.ResourceType;
            if (path.Types.Count == 1)
            {
                var isGlobal = path.ResourceType.Equals("Microsoft.Network/dnszones", StringComparison.OrdinalIgnoreCase)
                    || path.ResourceType.Equals("Microsoft.Network/privateDnsZones", StringComparison.OrdinalIgnoreCase);
                body["location"] ??= isGlobal ? "global" : groupLocation ?? options.DefaultLocation;
            }

            body["etag"] = ResourceDefaults.NewEtag();
            ResourceDefaults.Apply(state, path.ResourceType, body["id"]!.GetValue<string>(), body, existing, blobBaseAddress);
            state.Resources[key] = body;
            return new PutOutcome(existing is null, body.DeepClone());
        });

        if (outcome == PutOutcome.ParentMissing)
        {
            await ArmError.ParentResourceNotFoundAsync(context, path.Parent.Name);
        }
        else if (outcome == PutOutcome.Missing)
        {
            await ArmError.ResourceNotFoundAsync(context, path.ResourceType, string.Join('/', path.Names), path.ResourceGroup);
        }
        else
        {
            await JsonResponse.WriteAsync(context, outcome.Created ? 201 : 200, outcome.Body);
        }
    }

    /// <summary>
    /// Where a storage account's blob endpoint points: path-style on an IP host, because that is the only
    /// shape Azure.Storage.Blobs navigates correctly without a per-account host name.
    /// </summary>
    private static string BlobBaseAddress(HttpRequest request)
    {
        var host = request.Host.Host;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            host = "127.0.0.1";
        }

        return System.Net.IPAddress.TryParse(host, out _)
            ? $"{request.Scheme}://{(request.Host.Port is { } port ? $"{host}:{port}" : host)}/"
            : $"{request.Scheme}://{request.Host}/_blob/";
    }

    private static PutOutcome PutEmbedded(JsonObject parent, ArmResourcePath path, string property, JsonObject body, bool patch)
    {
        var properties = ResourceDefaults.Properties(parent);
        if (properties[property] is not JsonArray children)
        {
            children = [];
            properties[property] = children;
        }

        var existing = FindEmbedded(parent, property, path.Name);
        if (patch)
        {
            if (existing is null)
            {
                return PutOutcome.Missing;
            }

            body = (JsonObject)JsonMergePatch.Apply(existing.DeepClone(), body)!;
        }

        body["name"] = existing?["name"]?.GetValue<string>() ?? path.Name;
        ResourceDefaults.NormalizeChild(body, parent["id"]!.GetValue<string>(), path.Parent.ResourceType, property);
        if (existing is null)
        {
            children.Add(body);
        }
        else
        {
            children[children.IndexOf(existing)] = body;
        }

        parent["etag"] = ResourceDefaults.NewEtag();
        return new PutOutcome(existing is null, body.DeepClone());
    }

    private Task DeleteAsync(HttpContext context, ArmResourcePath path)
    {
        var property = EmbeddingProperty(path);
        var deleted = store.Write(state =>
        {
            if (property is not null)
            {
                var parent = state.Resources.GetValueOrDefault(ArmResourcePath.Key(path.Parent.Id));
                var child = parent is null ? null : FindEmbedded(parent, property, path.Name);
                return child is not null && ((JsonArray)parent!["properties"]![property]!).Remove(child);
            }

            var key = ArmResourcePath.Key(path.Id);
            if (!state.Resources.Remove(key))
            {
                return false;
            }

            foreach (var child in state.Resources.KeysStartingWith(key + "/"))
            {
                state.Resources.Remove(child);
            }

            return true;
        });

        // ARM answers 200 when it deleted something and 204 when there was nothing to delete.
        context.Response.StatusCode = deleted ? 200 : 204;
        return Task.CompletedTask;
    }

    private async Task ActionAsync(HttpContext context, ArmResourcePath path)
    {
        var target = path.Parent;
        var exists = store.Read(state => state.Resources.ContainsKey(ArmResourcePath.Key(target.Id)));
        if (!exists)
        {
            await ArmError.ResourceNotFoundAsync(context, target.ResourceType, string.Join('/', target.Names), target.ResourceGroup);
            return;
        }

        if (target.ResourceType.Equals("Microsoft.Storage/storageAccounts", StringComparison.OrdinalIgnoreCase)
            && path.Types[^1].Equals("listKeys", StringComparison.OrdinalIgnoreCase))
        {
            var key = Convert.ToBase64String(ResourceDefaults.DeterministicGuid(target.Id).ToByteArray());
            await JsonResponse.WriteAsync(context, 200, new JsonObject
            {
                ["keys"] = new JsonArray(
                    new JsonObject { ["keyName"] = "key1", ["value"] = key, ["permissions"] = "FULL" },
                    new JsonObject { ["keyName"] = "key2", ["value"] = key, ["permissions"] = "FULL" }),
            });
            return;
        }

        // Power actions (start, deallocate, restart...) have no observable effect here; they just succeed.
        await JsonResponse.WriteAsync(context, 200, new JsonObject());
    }
}
