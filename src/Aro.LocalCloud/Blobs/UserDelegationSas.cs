using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Blobs;

/// <summary>
/// User delegation SAS as the Blob service does it: a caller with a token obtains a user delegation key (valid at
/// most 7 days), signs SAS URLs with it, and the service checks each such URL's signature, time window and
/// permissions. The key's value is derived from the key's own fields with a secret that never leaves the process, so
/// the service recomputes it from a URL instead of remembering keys. Signatures are recomputed with Azure.Storage.Blobs'
/// own <see cref="BlobSasBuilder"/>, i.e. for the SAS version that SDK writes.
/// </summary>
internal sealed class UserDelegationSas(TimeProvider timeProvider)
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ssZ";
    private const string TenantId = "00000000-0000-0000-0000-00000000a70e";
    private static readonly TimeSpan LongestKeyLifetime = TimeSpan.FromDays(7);

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>Issues a key for <paramref name="objectId"/>, or says why not (Azure's limits on the window).</summary>
    public (UserDelegationKey? Key, string? Error) Issue(string objectId, DateTimeOffset? start, DateTimeOffset expiry, string version)
    {
        var now = timeProvider.GetUtcNow();
        var startsOn = Truncate(start ?? now);
        var expiresOn = Truncate(expiry);
        if (expiresOn <= now || expiresOn <= startsOn)
        {
            return (null, "The key's expiry must be in the future and after its start.");
        }

        if (expiresOn - now > LongestKeyLifetime)
        {
            return (null, "The key's expiry must be within 7 days of the current time.");
        }

        var value = Derive(objectId, TenantId, Format(startsOn), Format(expiresOn), "b", version);
        return (BlobsModelFactory.UserDelegationKey(objectId, TenantId, startsOn, expiresOn, "b", version, value), null);
    }

    /// <summary>
    /// Checks a request carrying a SAS (<c>sig</c> in its query) for <paramref name="blobName"/> in
    /// <paramref name="container"/> of <paramref name="account"/>: null when it may proceed, else the Blob service's
    /// 403 code and message.
    /// </summary>
    public (string Code, string Message)? Check(HttpRequest request, string account, string container, string? blobName)
    {
        var query = request.Query;
        string Get(string name) => query[name].ToString();
        if (string.IsNullOrEmpty(Get("skoid")))
        {
            return ("AuthenticationFailed", "Only user delegation SAS is supported: the skoid parameter is missing.");
        }

        if (Get("sr") != "b" || blobName is null)
        {
            return ("AuthenticationFailed", "Only blob SAS (sr=b) on a blob is supported.");
        }

        if (!TryParse(Get("se"), out var expiresOn) || !TryParse(Get("skt"), out var keyStartsOn) || !TryParse(Get("ske"), out var keyExpiresOn))
        {
            return ("AuthenticationFailed", "The SAS time parameters (se, skt, ske) are missing or malformed.");
        }

        var startsOn = TryParse(Get("st"), out var start) ? start : (DateTimeOffset?)null;
        var builder = new BlobSasBuilder
        {
            BlobContainerName = container,
            BlobName = blobName,
            Resource = "b",
            ExpiresOn = expiresOn,
            StartsOn = startsOn ?? default,
            Protocol = Get("spr") switch { "https" => SasProtocol.Https, "https,http" => SasProtocol.HttpsAndHttp, _ => SasProtocol.None },
        };
        builder.SetPermissions(Get("sp"));
        var key = BlobsModelFactory.UserDelegationKey(
            Get("skoid"), Get("sktid"), keyStartsOn, keyExpiresOn, Get("sks"), Get("skv"),
            Derive(Get("skoid"), Get("sktid"), Get("skt"), Get("ske"), Get("sks"), Get("skv")));
        var expected = builder.ToSasQueryParameters(key, account).Signature;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Get("sig"))))
        {
            return ("AuthenticationFailed", "Signature did not match. The SAS was not issued with a key of this storage service, or was altered.");
        }

        var now = timeProvider.GetUtcNow();
        if (now >= expiresOn || now >= keyExpiresOn || (startsOn is { } begins && now < begins) || now < keyStartsOn)
        {
            return ("AuthenticationFailed", $"Signed expiry time [{Get("se")}] has passed, or the SAS is not valid yet: it is valid only in its time window.");
        }

        var needed = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? "r"
            : HttpMethods.IsDelete(request.Method) ? "d"
            : "w";
        if (!Get("sp").Contains(needed, StringComparison.Ordinal))
        {
            return ("AuthorizationPermissionMismatch", "This request is not authorized to perform this operation using this permission.");
        }

        return null;
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static bool TryParse(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private string Derive(string objectId, string tenantId, string startsOn, string expiresOn, string service, string version) =>
        Convert.ToBase64String(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(string.Join('\n', objectId, tenantId, startsOn, expiresOn, service, version))));
}
