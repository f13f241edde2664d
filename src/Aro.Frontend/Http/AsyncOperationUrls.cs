using Aro.Api.Resources;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// Builds the absolute Azure-AsyncOperation and Location URLs of an operation: the caller's URL
/// (<see cref="CallerUri"/>) with its scheme, host and query, and the operation's path.
/// </summary>
internal static class AsyncOperationUrls
{
    public static string OperationsStatus(HttpRequest request, string subscriptionId, string location, string operationId) =>
        Build(request, $"/subscriptions/{subscriptionId}/providers/{ResourceProvider.Namespace}/locations/{location}/operationsstatus/{operationId}");

    public static string OperationResults(HttpRequest request, string subscriptionId, string location, string operationId) =>
        Build(request, $"/subscriptions/{subscriptionId}/providers/{ResourceProvider.Namespace}/locations/{location}/operationresults/{operationId}");

    private static string Build(HttpRequest request, string path) =>
        new UriBuilder(CallerUri.Of(request)) { Path = path }.Uri.AbsoluteUri;
}
