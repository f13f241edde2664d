using Aro.Api;
using Aro.Frontend.Http;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Middleware;

/// <summary>
/// Turns failures into ARM error bodies: a <see cref="CloudError"/> as it is, a request the server
/// could not read as 400, a write that kept losing to concurrent writers as 409, anything else as a
/// generic 500 whose details stay in the log.
/// </summary>
internal sealed class CloudErrorMiddleware(RequestDelegate next, ILogger<CloudErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CloudError error) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Request refused with {StatusCode} {ErrorCode}: {ErrorMessage}", (int)error.StatusCode, error.Body.Code, error.Body.Message);
            await CloudErrorResponse.WriteAsync(context, error);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // The server refused to read on (bad framing, a body over its limit, a client too slow): its status stands.
            logger.LogInformation(ex, "Unreadable request");
            await CloudErrorResponse.WriteAsync(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new CloudErrorBody(CloudErrorCodes.RequestEntityTooLarge, "The request content is larger than the server accepts.")
                : new CloudErrorBody(CloudErrorCodes.InvalidRequestContent, "The request content was invalid and could not be deserialized."));
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is DocumentConflictException or DocumentPreconditionFailedException)
        {
            // A handler gave up after re-reading and retrying: other writers kept winning. Nothing was written,
            // and the client may simply try again, which is what 409 tells ARM and its clients.
            logger.LogWarning("Request lost every retry against concurrent writes to {Path}", context.Request.Path);
            await CloudErrorResponse.WriteAsync(context, StatusCodes.Status409Conflict,
                new CloudErrorBody(CloudErrorCodes.Conflict, "The resource was changed by another request while this one was processed. Retry the request."));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            await CloudErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError,
                new CloudErrorBody(CloudErrorCodes.InternalServerError, "Internal server error."));
        }
    }
}
