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

    private sealed record CloudErrorEnvelope(CloudErrorBody Error);
}
