using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Identity;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Blobs;

/// <summary>
/// A minimal Blob service at /_blob/{account}/{container}/{blob}: containers, single-shot block blob
/// upload, download (with ranges), properties and delete, the calls Azure.Storage.Blobs makes for small
/// blobs such as Ignition configs. Any bearer token or none is accepted; a request carrying a SAS is served only if
/// that user delegation SAS is genuine, current and grants the operation (<see cref="UserDelegationSas"/>), and the
/// keys to sign one come from <c>POST /_blob/{account}/?restype=service&amp;comp=userdelegationkey</c>.
/// </summary>
internal sealed class BlobRequestHandler(LocalCloudStore store, FaultInjector faults, UserDelegationSas sas, AccessTokens tokens)
{
    // The object id keys are issued to when the caller used the static development token rather than an identity's.
    private const string DevelopmentObjectId = "00000000-0000-0000-0000-000000000000";

    private const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";

    /// <summary>
    /// Serves both URL shapes: /_blob/{account}/{container}/{blob} on any host, and path-style
    /// /{account}/{container}/{blob} on an IP host (https://127.0.0.1:port/...), which is the shape
    /// Azure.Storage.Blobs itself navigates (BlobServiceClient -> container -> blob) for IP endpoints, as with Azurite.
    /// </summary>
    public async Task HandleAsync(HttpContext context, bool pathStyle)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!pathStyle)
        {
            segments = segments[1..];
        }

        var method = context.Request.Method.ToUpperInvariant();
        context.Response.Headers["x-ms-version"] = context.Request.Headers["x-ms-version"].ToString() is { Length: > 0 } v ? v : "2025-01-05";
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        if (segments.Length == 1 && method == "POST" && string.Equals(context.Request.Query["comp"], "userdelegationkey", StringComparison.OrdinalIgnoreCase))
        {
            await UserDelegationKeyAsync(context);
            return;
        }

        if (segments.Length < 2 || (pathStyle && !System.Net.IPAddress.TryParse(context.Request.Host.Host, out _)))
        {
            await ErrorAsync(context, 400, "InvalidUri", "The requested URI does not represent any resource on the server.");
            return;
        }

        var container = $"{segments[0].ToLowerInvariant()}/{segments[1].ToLowerInvariant()}";
        var blobName = segments.Length > 2 ? string.Join('/', segments[2..]) : null;
        var isContainer = blobName is null && string.Equals(context.Request.Query["restype"], "container", StringComparison.OrdinalIgnoreCase);
        if (context.Request.Query.ContainsKey("sig") && sas.Check(context.Request, segments[0], segments[1], blobName) is { } refused)
        {
            await ErrorAsync(context, 403, refused.Code, refused.Message);
            return;
        }

        var verb = method switch { "GET" or "HEAD" => "read", "DELETE" => "delete", _ => "write" };
        var fault = await faults.ApplyAsync(isContainer ? $"{ContainerType}/{verb}" : $"{ContainerType}/blobs/{verb}", context.RequestAborted);
        if (fault is not null)
        {
            await ErrorAsync(context, fault.StatusCode, fault.Code, fault.Message);
            return;
        }

        if (blobName is null)
        {
            await ContainerAsync(context, method, container);
            return;
        }

        await BlobAsync(context, method, container, $"{container}/{blobName}");
    }

    /// <summary>Get User Delegation Key: only for a caller with a bearer token, as on Azure (a SAS or no credential gets none).</summary>
    private async Task UserDelegationKeyAsync(HttpContext context)
    {
        var token = BearerToken.From(context.Request);
        if (token is null)
        {
            await ErrorAsync(context, 403, "AuthenticationFailed", "A user delegation key is issued only to a caller authenticated with a bearer token.");
            return;
        }

        var objectId = DevelopmentObjectId;
        if (AccessTokens.LooksIssuedHere(token))
        {
            var validation = tokens.Validate(token);
            if (!validation.IsValid)
            {
                await ErrorAsync(context, 403, "AuthenticationFailed", validation.Error!);
                return;
            }

            objectId = validation.PrincipalId;
        }

        XElement request;
        try
        {
            request = XDocument.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted)).Root!;
        }
        catch (System.Xml.XmlException)
        {
            await ErrorAsync(context, 400, "InvalidXmlDocument", "The request body is not a KeyInfo document.");
            return;
        }

        DateTimeOffset? start = DateTimeOffset.TryParse(request.Element("Start")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var s) ? s : null;
        if (!DateTimeOffset.TryParse(request.Element("Expiry")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var expiry))
        {
            await ErrorAsync(context, 400, "InvalidXmlDocument", "The KeyInfo document has no valid Expiry.");
            return;
        }

        var (key, error) = sas.Issue(objectId, start, expiry, context.Response.Headers["x-ms-version"].ToString());
        if (key is null)
        {
            await ErrorAsync(context, 400, "InvalidQueryParameterValue", error!);
            return;
        }

        var xml = new XElement(
            "UserDelegationKey",
            new XElement("SignedOid", key.SignedObjectId),
            new XElement("SignedTid", key.SignedTenantId),
            new XElement("SignedStart", UserDelegationSas.Format(key.SignedStartsOn)),
            new XElement("SignedExpiry", UserDelegationSas.Format(key.SignedExpiresOn)),
            new XElement("SignedService", key.SignedService),
            new XElement("SignedVersion", key.SignedVersion),
            new XElement("Value", key.Value));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/xml";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml.ToString(SaveOptions.DisableFormatting)), context.RequestAborted);
    }

    private async Task ContainerAsync(HttpContext context, string method, string container)
    {
        if (method == "GET" && string.Equals(context.Request.Query["comp"], "list", StringComparison.OrdinalIgnoreCase))
        {
            await ListAsync(context, container);
            return;
        }

        switch (method)
        {
            case "PUT":
                var created = store.Write(state => state.Containers.TryAdd(container, DateTimeOffset.UtcNow));
                if (!created)
                {
                    await ErrorAsync(context, 409, "ContainerAlreadyExists", "The specified container already exists.");
                    return;
                }

                WriteContainerHeaders(context, DateTimeOffset.UtcNow);
                context.Response.StatusCode = 201;
                return;
            case "GET" or "HEAD":
                var createdOn = store.Read(state => state.Containers.TryGetValue(container, out var at) ? at : (DateTimeOffset?)null);
                if (createdOn is null)
                {
                    await ErrorAsync(context, 404, "ContainerNotFound", "The specified container does not exist.");
                    return;
                }

                WriteContainerHeaders(context, createdOn.Value);
                context.Response.StatusCode = 200;
                return;
            case "DELETE":
                var deleted = store.Write(state =>
                {
                    if (!state.Containers.Remove(container))
                    {
                        return false;
                    }

                    foreach (var key in state.Blobs.Keys.Where(k => k.StartsWith(container + "/", StringComparison.Ordinal)).ToList())
                    {
                        state.Blobs.Remove(key);
                    }

                    return true;
                });
                if (!deleted)
                {
                    await ErrorAsync(context, 404, "ContainerNotFound", "The specified container does not exist.");
                    return;
                }

                context.Response.StatusCode = 202;
                return;
            default:
                await ErrorAsync(context, 405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.");
                return;
        }
    }

    private static void WriteContainerHeaders(HttpContext context, DateTimeOffset createdOn)
    {
        context.Response.Headers.ETag = $"\"0x{createdOn.UtcTicks:X}\"";
        context.Response.Headers.LastModified = createdOn.ToString("R", CultureInfo.InvariantCulture);
        context.Response.Headers["x-ms-lease-status"] = "unlocked";
        context.Response.Headers["x-ms-lease-state"] = "available";
        context.Response.Headers["x-ms-has-immutability-policy"] = "false";
        context.Response.Headers["x-ms-has-legal-hold"] = "false";
    }

    private async Task ListAsync(HttpContext context, string container)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var blobs = store.Read(state => state.Containers.ContainsKey(container)
            ? state.Blobs.Where(b => b.Key.StartsWith($"{container}/{prefix}", StringComparison.Ordinal))
                .OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => (Name: b.Key[(container.Length + 1)..], Blob: b.Value))
                .ToList()
            : null);
        if (blobs is null)
        {
            await ErrorAsync(context, 404, "ContainerNotFound", "The specified container does not exist.");
            return;
        }

        var document = new XElement("EnumerationResults",
            new XAttribute("ServiceEndpoint", $"{context.Request.Scheme}://{context.Request.Host}/"),
            new XAttribute("ContainerName", container.Split('/')[1]),
            new XElement("Prefix", prefix),
            new XElement("Blobs", blobs.Select(b => new XElement("Blob",
                new XElement("Name", b.Name),
                new XElement("Properties",
                    new XElement("Creation-Time", b.Blob.CreatedOn.ToString("R", CultureInfo.InvariantCulture)),
                    new XElement("Last-Modified", b.Blob.LastModified.ToString("R", CultureInfo.InvariantCulture)),
                    new XElement("Etag", b.Blob.ETag),
                    new XElement("Content-Length", b.Blob.Content.Length),
                    new XElement("Content-Type", b.Blob.ContentType),
                    new XElement("BlobType", "BlockBlob"),
                    new XElement("AccessTier", "Hot"),
                    new XElement("LeaseStatus", "unlocked"),
                    new XElement("LeaseState", "available"),
                    new XElement("ServerEncrypted", "true"))))),
            new XElement("NextMarker"));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + document, context.RequestAborted);
    }

    private async Task BlobAsync(HttpContext context, string method, string container, string key)
    {
        switch (method)
        {
            case "PUT":
                await PutBlobAsync(context, container, key);
                return;
            case "GET" or "HEAD":
                var blob = store.Read(state => state.Blobs.GetValueOrDefault(key));
                if (blob is null)
                {
                    await ErrorAsync(context, 404, "BlobNotFound", "The specified blob does not exist.");
                    return;
                }

                await WriteBlobAsync(context, blob, method == "HEAD");
                return;
            case "DELETE":
                var deleted = store.Write(state => state.Blobs.Remove(key));
                if (!deleted)
                {
                    await ErrorAsync(context, 404, "BlobNotFound", "The specified blob does not exist.");
                    return;
                }

                context.Response.Headers["x-ms-delete-type-permanent"] = "true";
                context.Response.StatusCode = 202;
                return;
            default:
                await ErrorAsync(context, 405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.");
                return;
        }
    }

    private async Task PutBlobAsync(HttpContext context, string container, string key)
    {
        var blobType = context.Request.Headers["x-ms-blob-type"].ToString();
        if (!string.Equals(blobType, "BlockBlob", StringComparison.OrdinalIgnoreCase) || context.Request.Query.ContainsKey("comp"))
        {
            // Staged uploads (comp=block/blocklist) and page/append blobs are beyond what Ignition configs need.
            await ErrorAsync(context, 400, "UnsupportedHeader", "Only single-shot BlockBlob uploads are supported by the local cloud.");
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var now = DateTimeOffset.UtcNow;
        var contentType = context.Request.Headers["x-ms-blob-content-type"].ToString() is { Length: > 0 } t ? t : "application/octet-stream";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var (status, blob) = store.Write(state =>
        {
            if (!state.Containers.ContainsKey(container))
            {
                return (404, (StoredBlob?)null);
            }

            state.Blobs.TryGetValue(key, out var existing);
            if (existing is not null && ifNoneMatch == "*")
            {
                return (409, null);
            }

            var stored = new StoredBlob(buffer.ToArray(), contentType, $"\"0x{now.UtcTicks:X}\"", existing?.CreatedOn ?? now, now);
            state.Blobs[key] = stored;
            return (201, stored);
        });
        if (status == 404)
        {
            await ErrorAsync(context, 404, "ContainerNotFound", "The specified container does not exist.");
            return;
        }

        if (status == 409)
        {
            await ErrorAsync(context, 409, "BlobAlreadyExists", "The specified blob already exists.");
            return;
        }

        context.Response.Headers.ETag = blob!.ETag;
        context.Response.Headers.LastModified = blob.LastModified.ToString("R", CultureInfo.InvariantCulture);
        context.Response.Headers["Content-MD5"] = Convert.ToBase64String(MD5.HashData(blob.Content));
        context.Response.Headers["x-ms-request-server-encrypted"] = "true";
        context.Response.StatusCode = 201;
    }

    private static async Task WriteBlobAsync(HttpContext context, StoredBlob blob, bool head)
    {
        var headers = context.Response.Headers;
        headers.ETag = blob.ETag;
        headers.LastModified = blob.LastModified.ToString("R", CultureInfo.InvariantCulture);
        headers["x-ms-creation-time"] = blob.CreatedOn.ToString("R", CultureInfo.InvariantCulture);
        headers["x-ms-blob-type"] = "BlockBlob";
        headers["x-ms-lease-status"] = "unlocked";
        headers["x-ms-lease-state"] = "available";
        headers["x-ms-server-encrypted"] = "true";
        headers["x-ms-access-tier"] = "Hot";
        headers["x-ms-access-tier-inferred"] = "true";
        headers.AcceptRanges = "bytes";
        context.Response.ContentType = blob.ContentType;

        var (start, end) = (0L, blob.Content.LongLength - 1);
        var range = context.Request.Headers["x-ms-range"].ToString() is { Length: > 0 } r ? r : context.Request.Headers.Range.ToString();
        var partial = !head && TryParseRange(range, blob.Content.LongLength, out start, out end);
        if (partial)
        {
            headers.ContentRange = $"bytes {start}-{end}/{blob.Content.LongLength}";
        }

        var length = blob.Content.LongLength == 0 ? 0 : end - start + 1;
        context.Response.ContentLength = length;
        context.Response.StatusCode = partial ? 206 : 200;
        if (!head && length > 0)
        {
            await context.Response.Body.WriteAsync(blob.Content.AsMemory((int)start, (int)length), context.RequestAborted);
        }
    }

    private static bool TryParseRange(string range, long size, out long start, out long end)
    {
        start = 0;
        end = size - 1;
        if (!range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || size == 0)
        {
            return false;
        }

        var parts = range["bytes=".Length..].Split('-', 2);
        if (!long.TryParse(parts[0], CultureInfo.InvariantCulture, out start))
        {
            return false;
        }

        end = parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var last) ? Math.Min(last, size - 1) : size - 1;
        return start <= end;
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        // The Blob service reports errors as XML plus the x-ms-error-code header the SDK keys on.
        context.Response.StatusCode = status;
        context.Response.Headers["x-ms-error-code"] = code;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        context.Response.ContentType = "application/xml";
        var xml = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error>";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(xml), context.RequestAborted);
    }
}
