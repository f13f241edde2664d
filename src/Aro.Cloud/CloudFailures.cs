using System.Net;
using System.Text.Json.Nodes;
using Aro.Api;
using Azure;

namespace Aro.Cloud;

/// <summary>Tells cloud failures worth retrying from those that will fail the same way again.</summary>
public static class CloudFailures
{
    /// <summary>
    /// A 4xx other than 408 (timeout), 409 (a conflicting operation still running) and 429 (throttling)
    /// is the request's own fault: retrying it cannot help.
    /// </summary>
    public static bool IsPermanent(this RequestFailedException exception) =>
        exception.Status is >= 400 and < 500
        && exception.Status is not ((int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.TooManyRequests);

    public static bool IsNotFound(this RequestFailedException exception) => exception.Status == (int)HttpStatusCode.NotFound;

    /// <summary>
    /// The ARM error the cloud answered with, fit for the user: its code and message from the response body
    /// (not the exception text, which carries headers), about <paramref name="target"/>.
    /// </summary>
    public static CloudErrorBody ToCloudError(this RequestFailedException exception, string? target)
    {
        string? code = exception.ErrorCode;
        string? message = null;
        try
        {
            var content = exception.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrEmpty(content) && JsonNode.Parse(content)?["error"] is JsonObject error)
            {
                code = error["code"]?.GetValue<string>() ?? code;
                message = error["message"]?.GetValue<string>();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not an ARM error body; fall back to the status below.
        }

        return new CloudErrorBody(
            code ?? CloudErrorCodes.InternalServerError,
            message ?? $"The cloud answered {exception.Status} to a request about '{target}'.",
            target);
    }
}
