using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// The URL the client called, as the client knows it. ARM sends the URL it was called on in Referer; links
/// the RP hands out (polling URLs, nextLink) take that URL's scheme and host so clients keep talking to ARM,
/// not to the RP. Without a usable Referer the request's own URL stands in.
/// </summary>
internal static class CallerUri
{
    public static Uri Of(HttpRequest request) =>
        FromReferer(request) ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");

    /// <summary>The scheme and authority of <see cref="Of"/>, normalized as <see cref="Uri"/> writes them, e.g. https://management.azure.com.</summary>
    public static string OriginOf(HttpRequest request) =>
        (FromReferer(request) ?? new Uri($"{request.Scheme}://{request.Host}")).GetLeftPart(UriPartial.Authority);

    private static Uri? FromReferer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
