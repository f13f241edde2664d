using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Identity;

internal static class BearerToken
{
    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length ? header[Prefix.Length..].Trim() : null;
    }
}
