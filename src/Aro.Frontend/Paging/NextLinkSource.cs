using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Paging;

/// <summary>
/// What of a request its nextLink is made from besides the api-version and the $skipToken (<see cref="NextLink"/>):
/// the Referer, the scheme and host, and the path, as received. Two requests with the same source get the same link;
/// compared as received, without parsing the Referer, since telling them apart must cost less than making the link.
/// </summary>
internal readonly record struct NextLinkSource(string Referer, string Scheme, string Host, string PathBase, string Path)
{
    public static NextLinkSource Of(HttpRequest request) =>
        new(request.Headers.Referer.ToString(), request.Scheme, request.Host.Value ?? "", request.PathBase.Value ?? "", request.Path.Value ?? "");
}
