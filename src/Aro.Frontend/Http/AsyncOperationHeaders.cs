using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// The polling headers of a long-running operation's response (ARM RPC): Azure-AsyncOperation (the status
/// URL) always, Location (the result URL) on PATCH and DELETE, and Retry-After on every one of them.
/// </summary>
internal static class AsyncOperationHeaders
{
    public static void Write(HttpRequest request, FrontendOptions options, string subscriptionId, string operationId, bool withLocation)
    {
        var headers = request.HttpContext.Response.Headers;
        headers["Azure-AsyncOperation"] = AsyncOperationUrls.OperationsStatus(request, subscriptionId, options.Location, operationId);
        if (withLocation)
        {
            headers.Location = AsyncOperationUrls.OperationResults(request, subscriptionId, options.Location, operationId);
        }

        WriteRetryAfter(request.HttpContext.Response, options);
    }

    public static void WriteRetryAfter(HttpResponse response, FrontendOptions options) =>
        response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
