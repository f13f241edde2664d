using System.Web;
using Aro.Frontend.Tests.Contract;

namespace Aro.Frontend.Tests.Infrastructure;

/// <summary>
/// Holds every response of a test client to the swagger of the api-version it was asked in: status, body
/// schema (closed objects, enums, types) and no secrets. Requests the swaggers do not describe pass unchecked.
/// </summary>
public sealed class SwaggerConformanceHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var apiVersion = HttpUtility.ParseQueryString(request.RequestUri!.Query)["api-version"];
        if (apiVersion is null || !SwaggerSpec.ApiVersions.Contains(apiVersion))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = SwaggerResponseContract.For(apiVersion).Violations(request.Method, request.RequestUri.AbsolutePath, (int)response.StatusCode, body);
        if (violations is { Count: > 0 })
        {
            Assert.Fail($"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode}, which the {apiVersion} swagger does not allow:\n  "
                + string.Join("\n  ", violations) + $"\nbody: {body}");
        }

        return response;
    }
}
