using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Middleware;

/// <summary>
/// Gives every response an x-ms-request-id, echoes x-ms-client-request-id when the caller asks for it
/// (x-ms-return-client-request-id: true) and puts ARM's correlation ids on every log line of the request.
/// </summary>
internal sealed class RequestCorrelationMiddleware(RequestDelegate next, ILogger<RequestCorrelationMiddleware> logger)
{
    public const string RequestIdHeader = "x-ms-request-id";
    public const string ClientRequestIdHeader = "x-ms-client-request-id";
    public const string ReturnClientRequestIdHeader = "x-ms-return-client-request-id";
    public const string CorrelationRequestIdHeader = "x-ms-correlation-request-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers[ClientRequestIdHeader].ToString();
        var correlationRequestId = context.Request.Headers[CorrelationRequestIdHeader].ToString();

        context.Response.Headers[RequestIdHeader] = requestId;
        if (string.Equals(context.Request.Headers[ReturnClientRequestIdHeader], "true", StringComparison.OrdinalIgnoreCase) &&
            clientRequestId.Length > 0)
        {
            context.Response.Headers[ClientRequestIdHeader] = clientRequestId;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["RequestId"] = requestId,
            ["ClientRequestId"] = clientRequestId,
            ["CorrelationRequestId"] = correlationRequestId,
        });

        await next(context);
    }
}
