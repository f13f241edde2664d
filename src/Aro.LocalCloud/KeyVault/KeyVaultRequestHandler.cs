using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Http;
using static Aro.LocalCloud.KeyVault.KeyVaultCallerAuthorization;

namespace Aro.LocalCloud.KeyVault;

/// <summary>
/// The Key Vault data plane for secrets and certificates, as <c>SecretClient</c> and <c>CertificateClient</c> call it:
/// <c>GET/PUT /secrets/{name}[/{version}]</c>, <c>PATCH /secrets/{name}/{version}</c> (tags and content type),
/// <c>GET /secrets/{name}/versions</c>, <c>GET /certificates/{name}[/{version}]</c>,
/// <c>GET /certificates/{name}/versions</c>, <c>POST /certificates/{name}/import</c>. The vault is the first label of the host.
/// </summary>
internal sealed class KeyVaultRequestHandler(LocalKeyVaults vaults, KeyVaultCallerAuthorization authorization)
{
    private const string Pkcs12 = "application/x-pkcs12";
    private const string Pem = "application/x-pem-file";

    public async Task HandleAsync(HttpContext context, string collection)
    {
        var vault = context.Request.Host.Host.Split('.')[0].ToLowerInvariant();
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[1..];
        var method = context.Request.Method;
        if (segments.Length is 0 or > 2)
        {
            await KeyVaultError.BadParameterAsync(context, "The request URI is not a Key Vault object URI.");
            return;
        }

        var name = segments[0];
        var second = segments.Length == 2 ? segments[1] : null;
        switch (collection, method, second)
        {
            case ("secrets", "GET", "versions"):
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/secrets/readMetadata/action", [SecretsUser, SecretsOfficer, Reader, Administrator]))
                {
                    await ListAsync(context, vault, "secrets", name, vaults.SecretVersions(vault, name), SecretItem);
                }

                return;
            case ("secrets", "GET", _):
                var readers = vaults.IsCertificateSecret(vault, name)
                    ? new[] { SecretsUser, SecretsOfficer, CertificateUser, CertificatesOfficer, Administrator }
                    : [SecretsUser, SecretsOfficer, Administrator];
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/secrets/getSecret/action", readers))
                {
                    await GetAsync(context, "Secret", name, vaults.FindSecret(vault, name, second), v => SecretBundle(context, vault, name, v));
                }

                return;
            case ("secrets", "PUT", null):
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/secrets/setSecret/action", [SecretsOfficer, Administrator]))
                {
                    await SetSecretAsync(context, vault, name);
                }

                return;
            case ("secrets", "PATCH", { } version) when version != "versions":
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/secrets/update/action", [SecretsOfficer, Administrator]))
                {
                    await UpdateSecretAsync(context, vault, name, version);
                }

                return;
            case ("certificates", "GET", "versions"):
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/certificates/read", [CertificateUser, CertificatesOfficer, Reader, Administrator]))
                {
                    await ListAsync(context, vault, "certificates", name, vaults.CertificateVersions(vault, name), CertificateItem);
                }

                return;
            case ("certificates", "GET", _):
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/certificates/read", [CertificateUser, CertificatesOfficer, Reader, Administrator]))
                {
                    await GetAsync(context, "Certificate", name, vaults.FindCertificate(vault, name, second), v => CertificateBundle(context, vault, name, v));
                }

                return;
            case ("certificates", "POST", "import"):
                if (await authorization.AuthorizeAsync(context, vault, "Microsoft.KeyVault/vaults/certificates/import/action", [CertificatesOfficer, Administrator]))
                {
                    await ImportCertificateAsync(context, vault, name);
                }

                return;
            default:
                await KeyVaultError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{method} is not supported on {context.Request.Path} by the local Key Vault.");
                return;
        }
    }

    private static Task GetAsync(HttpContext context, string kind, string name, VaultObjectVersion? found, Func<VaultObjectVersion, JsonObject> describe) =>
        found is null ? KeyVaultError.NotFoundAsync(context, kind, name) : JsonResponse.WriteAsync(context, StatusCodes.Status200OK, describe(found));

    private static Task ListAsync(HttpContext context, string vault, string collection, string name, IReadOnlyList<VaultObjectVersion>? versions,
        Func<HttpContext, string, string, VaultObjectVersion, JsonObject> describe)
    {
        if (versions is null)
        {
            return KeyVaultError.NotFoundAsync(context, collection == "secrets" ? "Secret" : "Certificate", name);
        }

        var items = new JsonArray([.. versions.Select(v => (JsonNode)describe(context, vault, name, v))]);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = items, ["nextLink"] = null });
    }

    private async Task SetSecretAsync(HttpContext context, string vault, string name)
    {
        var (ok, body) = await JsonResponse.ReadObjectAsync(context);
        if (!ok || body["value"] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            await KeyVaultError.BadParameterAsync(context, "The request body must be a JSON object with a string 'value'.");
            return;
        }

        if (vaults.IsCertificateSecret(vault, name))
        {
            await KeyVaultError.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict", $"Secret {name} is managed by a certificate and cannot be set directly.");
            return;
        }

        var created = vaults.SetSecret(vault, name, value.GetValue<string>(), body["contentType"]?.GetValue<string>(), Tags(body));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, SecretBundle(context, vault, name, created));
    }

    private async Task UpdateSecretAsync(HttpContext context, string vault, string name, string version)
    {
        var (ok, body) = await JsonResponse.ReadObjectAsync(context);
        if (!ok)
        {
            await KeyVaultError.BadParameterAsync(context, "The request body must be a JSON object.");
            return;
        }

        // Enabling, disabling and expiry are not modelled here: every version stays enabled, so refuse rather than pretend.
        if (body["attributes"] is JsonObject attributes && attributes["enabled"] is JsonValue enabled && enabled.GetValueKind() == System.Text.Json.JsonValueKind.False)
        {
            await KeyVaultError.BadParameterAsync(context, "Disabling a secret version is not supported by the local Key Vault.");
            return;
        }

        if (vaults.IsCertificateSecret(vault, name))
        {
            await KeyVaultError.WriteAsync(context, StatusCodes.Status409Conflict, "Conflict", $"Secret {name} is managed by a certificate and cannot be updated directly.");
            return;
        }

        var updated = vaults.UpdateSecret(vault, name, version, body["tags"] is JsonObject ? Tags(body) : null, body["contentType"]?.GetValue<string>());
        if (updated is null)
        {
            await KeyVaultError.NotFoundAsync(context, "Secret", $"{name}/{version}");
            return;
        }

        // Key Vault answers an update with the secret's properties, never its value.
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, SecretItem(context, vault, name, updated));
    }

    private async Task ImportCertificateAsync(HttpContext context, string vault, string name)
    {
        var (ok, body) = await JsonResponse.ReadObjectAsync(context);
        var value = ok ? body["value"]?.GetValue<string>() : null;
        if (string.IsNullOrEmpty(value))
        {
            await KeyVaultError.BadParameterAsync(context, "The request body must carry the certificate in 'value' (base64 PKCS#12 or PEM).");
            return;
        }

        var contentType = body["policy"]?["secret_props"]?["contentType"]?.GetValue<string>() ?? Pkcs12;
        byte[] der;
        string secretValue;
        try
        {
            if (contentType == Pem)
            {
                using var pem = X509Certificate2.CreateFromPem(value, value);
                der = pem.RawData;
                secretValue = value;
            }
            else
            {
                // Key Vault keeps the PKCS#12 without the import password; a reader gets it back password-less.
                using var pfx = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(value), body["pwd"]?.GetValue<string>(), X509KeyStorageFlags.Exportable);
                if (!pfx.HasPrivateKey)
                {
                    await KeyVaultError.BadParameterAsync(context, "The imported certificate has no private key.");
                    return;
                }

                der = pfx.RawData;
                secretValue = Convert.ToBase64String(pfx.Export(X509ContentType.Pkcs12));
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            await KeyVaultError.BadParameterAsync(context, $"The certificate could not be read as {contentType}: {e.Message}");
            return;
        }

        var created = vaults.ImportCertificate(vault, name, der, secretValue, contentType, Tags(body));
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CertificateBundle(context, vault, name, created));
    }

    private static JsonObject SecretBundle(HttpContext context, string vault, string name, VaultObjectVersion version)
    {
        var bundle = SecretItem(context, vault, name, version);
        bundle["value"] = version.Value;
        if (version.IsCertificate)
        {
            bundle["kid"] = ObjectId(context, "keys", name, version.Version);
        }

        return bundle;
    }

    private static JsonObject SecretItem(HttpContext context, string vault, string name, VaultObjectVersion version)
    {
        var item = new JsonObject
        {
            ["id"] = ObjectId(context, "secrets", name, version.Version),
            ["attributes"] = Attributes(version),
            ["tags"] = TagsJson(version),
        };
        if (version.ContentType is not null)
        {
            item["contentType"] = version.ContentType;
        }

        if (version.IsCertificate)
        {
            item["managed"] = true;
        }

        return item;
    }

    private static JsonObject CertificateItem(HttpContext context, string vault, string name, VaultObjectVersion version) => new()
    {
        ["id"] = ObjectId(context, "certificates", name, version.Version),
        ["x5t"] = System.Buffers.Text.Base64Url.EncodeToString(SHA1.HashData(version.Certificate!)),
        ["attributes"] = Attributes(version),
        ["tags"] = TagsJson(version),
    };

    private static JsonObject CertificateBundle(HttpContext context, string vault, string name, VaultObjectVersion version)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(version.Certificate!);
        var bundle = CertificateItem(context, vault, name, version);
        bundle["kid"] = ObjectId(context, "keys", name, version.Version);
        bundle["sid"] = ObjectId(context, "secrets", name, version.Version);
        bundle["cer"] = Convert.ToBase64String(version.Certificate!);
        var attributes = (JsonObject)bundle["attributes"]!;
        attributes["nbf"] = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).ToUnixTimeSeconds();
        attributes["exp"] = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds();
        bundle["policy"] = new JsonObject
        {
            ["id"] = $"{VaultUri(context)}certificates/{name}/policy",
            ["secret_props"] = new JsonObject { ["contentType"] = version.ContentType },
            ["x509_props"] = new JsonObject { ["subject"] = certificate.Subject },
            ["issuer"] = new JsonObject { ["name"] = "Unknown" },
        };
        return bundle;
    }

    private static JsonObject Attributes(VaultObjectVersion version) => new()
    {
        ["enabled"] = true,
        ["created"] = version.Created.ToUnixTimeSeconds(),
        ["updated"] = version.Created.ToUnixTimeSeconds(),
        ["recoveryLevel"] = "Recoverable+Purgeable",
        ["recoverableDays"] = 90,
    };

    private static JsonObject TagsJson(VaultObjectVersion version) =>
        new([.. version.Tags.Select(tag => KeyValuePair.Create(tag.Key, (JsonNode?)tag.Value))]);

    private static Dictionary<string, string> Tags(JsonObject body) =>
        body["tags"] is JsonObject tags
            ? tags.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => t.Value!.ToString(), StringComparer.Ordinal)
            : [];

    private static string VaultUri(HttpContext context) => $"https://{context.Request.Host}/";

    private static string ObjectId(HttpContext context, string collection, string name, string version) => $"{VaultUri(context)}{collection}/{name}/{version}";
}
