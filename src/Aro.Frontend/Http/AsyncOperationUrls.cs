using Aro.Api.Resources;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// Builds the absolute Azure-AsyncOperation and Location URLs of an operation. ARM sends the URL it
/// was called on in Referer; the RP answers with that URL's scheme, host and query and its own path,
/// so clients poll ARM, not the RP. Without a Referer the request's own URL stands in.
/// </summary>
internal static class AsyncOperationUrls
{
    public static string OperationsStatus(HttpRequest request, string subscriptionId, string location, string operationId) =>
        Build(request, $"/subscriptions/{subscriptionId}/providers/{ResourceProvider.Namespace}/locations/{location}/operationsstatus/{operationId}");

    public static string OperationResults(HttpRequest request, string subscriptionId, string location, string operationId) =>
        Build(request, $"/subscriptions/{subscriptionId}/providers/{ResourceProvider.Namespace}/locations/{location}/operationresults/{operationId}");

    private static string Build(HttpRequest request, string path)
    {
        var referer = request.Headers.Referer.ToString();
        if (!Uri.TryCreate(referer, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            baseUri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        }

        var builder = new UriBuilder(baseUri) { Path = path };
        return builder.Uri.AbsoluteUri;
    }
}
