using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Middleware;

/// <summary>
/// Gives every response an x-ms-request-id, echoes x-ms-client-request-id when the caller asks for it
/// (x-ms-return-client-request-id: true) and puts ARM's correlation ids on every log line of the request.
/// Only a value that is a valid response header (visible ASCII and spaces) is echoed; any other is left out of
/// the response rather than failing the request, which is still logged with it (escaped, like every logged value).
/// </summary>
internal sealed class RequestCorrelationMiddleware(RequestDelegate next, ILogger<RequestCorrelationMiddleware> logger)
{
    public const string RequestIdHeader = "x-ms-request-id";
    public const string ClientRequestIdHeader = "x-ms-client-request-id";
    public const string ReturnClientRequestIdHeader = "x-ms-return-client-request-id";
    public const string CorrelationRequestIdHeader = "x-ms-correlation-request-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = NewRequestId();
        var clientRequestId = context.Request.Headers[ClientRequestIdHeader].ToString();
        var correlationRequestId = context.Request.Headers[CorrelationRequestIdHeader].ToString();

        context.Response.Headers[RequestIdHeader] = requestId;
        if (string.Equals(context.Request.Headers[ReturnClientRequestIdHeader], "true", StringComparison.OrdinalIgnoreCase) &&
            IsEchoable(clientRequestId))
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

    /// <summary>
    /// A random version-4 GUID from the thread's pseudo-random generator: a request id has to be unique, not unguessable,
    /// and <see cref="Guid.NewGuid"/> asks the kernel for random bytes, a system call on every request (issue 16).
    /// </summary>
    internal static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // the version nibble: 4, random
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the variant: RFC 9562
        return new Guid(bytes).ToString();
    }

    private static bool IsEchoable(string value) => value.Length > 0 && value.All(c => c is >= ' ' and <= '~');
}
