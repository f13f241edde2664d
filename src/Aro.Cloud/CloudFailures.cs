using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Aro.Api;
using Azure;
using k8s.Autorest;

namespace Aro.Cloud;

/// <summary>Tells cloud failures worth retrying from those that will fail the same way again.</summary>
public static class CloudFailures
{
    /// <summary>
    /// A 4xx other than 408 (timeout), 409 (a conflicting operation still running) and 429 (throttling)
    /// is the request's own fault: retrying it cannot help.
    /// </summary>
    public static bool IsPermanent(this RequestFailedException exception) => IsPermanentStatus(exception.Status);

    /// <summary>The same rule for the Kubernetes API of a cluster.</summary>
    public static bool IsPermanent(this HttpOperationException exception) => IsPermanentStatus((int)exception.Response.StatusCode);

    /// <summary>
    /// One classification for every step of every surface the RP calls (ARM, blob storage, a cluster's Kubernetes
    /// API): the error to fail the step with at once when what was thrown is a permanent refusal by the cloud, or
    /// null when it is transient (or not the cloud's answer at all) and retrying may help.
    /// </summary>
    public static CloudErrorBody? AsPermanentCloudError(this Exception exception, string? target)
    {
        // A client library may wrap the cloud's answer (an AggregateException, a pipeline's own exception).
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RequestFailedException e:
                    return e.IsPermanent() ? e.ToCloudError(target) : null;
                case HttpOperationException e:
                    return e.IsPermanent() ? e.ToCloudError(target) : null;
            }
        }

        return null;
    }

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
            if (string.IsNullOrEmpty(content))
            {
                // Nothing more to read: the code from the headers, the status below.
            }
            else if (content.TrimStart().StartsWith('<'))
            {
                // Blob storage answers <Error><Code/><Message/></Error>.
                var error = XDocument.Parse(content).Root;
                code = error?.Element("Code")?.Value ?? code;
                message = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
            else if (JsonNode.Parse(content)?["error"] is JsonObject error)
            {
                code = error["code"]?.GetValue<string>() ?? code;
                message = error["message"]?.GetValue<string>();
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            // Not an error body of ARM or storage; fall back to the status below.
        }

        return new CloudErrorBody(
            code ?? CloudErrorCodes.InternalServerError,
            // Without a response the exception was raised by a client, and its message is all there is; with one, its
            // message repeats the response's headers, which are not for the user.
            message ?? (exception.GetRawResponse() is null && !string.IsNullOrEmpty(exception.Message) ? exception.Message : AnsweredWithoutDetail(exception.Status, target)),
            target);
    }

    /// <summary>
    /// The Kubernetes API's refusal, fit for the user: the <c>Status</c> object's reason as the code
    /// (<c>Forbidden</c>, <c>Unauthorized</c>...) and its message.
    /// </summary>
    public static CloudErrorBody ToCloudError(this HttpOperationException exception, string? target)
    {
        var status = (int)exception.Response.StatusCode;
        string? reason = null;
        string? message = null;
        try
        {
            var content = exception.Response.Content;
            if (!string.IsNullOrEmpty(content) && JsonNode.Parse(content) is JsonObject body && body["kind"]?.GetValue<string>() == "Status")
            {
                reason = body["reason"]?.GetValue<string>();
                message = body["message"]?.GetValue<string>();
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not a Kubernetes Status; fall back to the HTTP status below.
        }

        return new CloudErrorBody(
            string.IsNullOrEmpty(reason) ? exception.Response.StatusCode.ToString() : reason,
            string.IsNullOrEmpty(message) ? AnsweredWithoutDetail(status, target) : $"The cluster's Kubernetes API refused the request: {message}",
            target);
    }

    private static bool IsPermanentStatus(int status) =>
        status is >= 400 and < 500
        && status is not ((int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.TooManyRequests);

    private static string AnsweredWithoutDetail(int status, string? target) => target is null
        ? $"The cloud answered {status}."
        : $"The cloud answered {status} to a request about '{target}'.";
}
