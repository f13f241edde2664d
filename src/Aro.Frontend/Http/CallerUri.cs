using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// The URL the client called, as the client knows it. ARM sends the URL it was called on in Referer; links
/// the RP hands out (polling URLs, nextLink) take that URL's scheme and host so clients keep talking to ARM,
/// not to the RP. Without a usable Referer the request's own URL stands in.
/// </summary>
internal static class CallerUri
{
    public static Uri Of(HttpRequest request)
    {
        var referer = request.Headers.Referer.ToString();
        if (Uri.TryCreate(referer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
    }

    /// <summary>The scheme and authority of <see cref="Of"/>, normalized as <see cref="Uri"/> writes them, e.g. https://management.azure.com.</summary>
    public static string OriginOf(HttpRequest request)
    {
        var referer = request.Headers.Referer.ToString();
        if (Uri.TryCreate(referer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri.GetLeftPart(UriPartial.Authority);
        }

        return new Uri($"{request.Scheme}://{request.Host}").GetLeftPart(UriPartial.Authority);
    }
}
