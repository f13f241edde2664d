using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Identity;

/// <summary>
/// Issues and checks the local cloud's access tokens: JWTs (HS256, a key that never leaves the process) naming the
/// identity (<c>appid</c>, <c>oid</c>), the audience asked for and an expiry, so ARM and Key Vault can tell a token the
/// local cloud issued from a forged, expired or foreign one and know whose it is.
/// </summary>
public sealed class AccessTokens(TimeProvider timeProvider)
{
    public const string Issuer = "https://sts.localcloud/";

    /// <summary>How long an issued token is valid; Azure's managed identity tokens live about a day, shorter here so refreshes are exercised.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT","kid":"localcloud"}"""u8);

    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The claim telling a service principal's token from a managed identity's, whose roles live in different registries.</summary>
    private const string PrincipalKindClaim = "localcloud_kind";

    public (string Token, DateTimeOffset ExpiresOn) Issue(ManagedIdentity identity, string audience) =>
        Issue(identity.ClientId, identity.PrincipalId, audience, PrincipalKind.ManagedIdentity);

    public (string Token, DateTimeOffset ExpiresOn) Issue(ServicePrincipal principal, string audience) =>
        Issue(principal.ClientId, principal.PrincipalId, audience, PrincipalKind.ServicePrincipal);

    private (string Token, DateTimeOffset ExpiresOn) Issue(string clientId, string principalId, string audience, PrincipalKind kind)
    {
        var now = timeProvider.GetUtcNow();
        var expiresOn = now + Lifetime;
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["appid"] = clientId,
            ["oid"] = principalId,
            [PrincipalKindClaim] = kind.ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = expiresOn.ToUnixTimeSeconds(),
        };
        var unsigned = Header + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return (unsigned + "." + Sign(unsigned), expiresOn);
    }

    /// <summary>True when <paramref name="token"/> is shaped like one of ours (so an older static token can still be told apart).</summary>
    public static bool LooksIssuedHere(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && token.AsSpan(0, dot).SequenceEqual(Header);
    }

    /// <summary>Checks signature and lifetime; on success returns the claims, otherwise the reason, worded for an error message.</summary>
    public TokenValidation Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return TokenValidation.Invalid("The access token is not a token the local cloud issued.");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return TokenValidation.Invalid("The access token signature is invalid.");
        }

        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject ?? throw new JsonException();
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TokenValidation.Invalid("The access token is malformed.");
        }

        var expiresOn = DateTimeOffset.FromUnixTimeSeconds(payload["exp"]!.GetValue<long>());
        if (timeProvider.GetUtcNow() >= expiresOn)
        {
            return TokenValidation.Invalid($"The access token expired at {expiresOn:O}.");
        }

        var kind = Enum.TryParse<PrincipalKind>(payload[PrincipalKindClaim]?.GetValue<string>(), out var parsed) ? parsed : PrincipalKind.ManagedIdentity;
        return new TokenValidation(null, payload["appid"]!.GetValue<string>(), payload["oid"]!.GetValue<string>(), payload["aud"]!.GetValue<string>(), kind);
    }

    private string Sign(string unsigned) => Base64Url.EncodeToString(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(unsigned)));
}

/// <summary>The outcome of <see cref="AccessTokens.Validate"/>: an error, or whose token it is and for which audience.</summary>
public sealed record TokenValidation(string? Error, string ClientId, string PrincipalId, string Audience, PrincipalKind Kind = PrincipalKind.ManagedIdentity)
{
    public bool IsValid => Error is null;

    public static TokenValidation Invalid(string error) => new(error, "", "", "");
}

/// <summary>Which registry a token's client id is looked up in.</summary>
public enum PrincipalKind
{
    ManagedIdentity,
    ServicePrincipal,
}
