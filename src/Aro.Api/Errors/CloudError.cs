using System.Net;

namespace Aro.Api;

/// <summary>
/// An ARM-shaped error with the HTTP status it is answered with. Thrown by validation and request
/// handling, turned into <c>{"error": {...}}</c> by the frontend.
/// </summary>
public sealed class CloudError : Exception
{
    public CloudError(HttpStatusCode statusCode, string code, string? target, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Body = new CloudErrorBody(code, message, target);
    }

    public HttpStatusCode StatusCode { get; }

    public CloudErrorBody Body { get; }

    public static CloudError BadRequest(string code, string? target, string message) =>
        new(HttpStatusCode.BadRequest, code, target, message);

    public static CloudError InvalidParameter(string target, string message) =>
        BadRequest(CloudErrorCodes.InvalidParameter, target, message);
}
