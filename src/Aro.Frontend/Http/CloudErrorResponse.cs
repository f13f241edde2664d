using Aro.Api;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>Writes ARM error bodies: <c>{"error": {"code", "message", "target"}}</c>.</summary>
internal static class CloudErrorResponse
{
    public static Task WriteAsync(HttpContext context, CloudError error) =>
        WriteAsync(context, (int)error.StatusCode, error.Body);

    public static Task WriteAsync(HttpContext context, int statusCode, CloudErrorBody body)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new CloudErrorEnvelope(body), ArmJson.Options, context.RequestAborted);
    }

    /// <summary>An error answered as a result rather than thrown, e.g. a stored error with its details.</summary>
    public static IResult Result(int statusCode, CloudErrorBody body) =>
        Results.Json(new CloudErrorEnvelope(body), ArmJson.Options, "application/json", statusCode);

    private sealed record CloudErrorEnvelope(CloudErrorBody Error);
}
