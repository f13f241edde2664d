using Aro.Frontend.Http;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Paging;

/// <summary>
/// The absolute nextLink of a list page: the caller's scheme and host (<see cref="CallerUri"/>), the list's
/// path, its api-version and the next page's $skipToken. Other query parameters are dropped: ARM ignores
/// what it does not know, and the token alone says where the next page starts.
/// </summary>
internal static class NextLink
{
    // Written as a string, not through UriBuilder and Uri: parsing the link back took a tenth of a list page's CPU.
    public static string Build(HttpRequest request, string apiVersion, string skipToken) => string.Concat(
        CallerUri.OriginOf(request),
        request.PathBase.Add(request.Path).ToUriComponent(),
        "?api-version=",
        Uri.EscapeDataString(apiVersion),
        "&" + SkipTokenProtector.QueryParameter + "=",
        Uri.EscapeDataString(skipToken));
}
