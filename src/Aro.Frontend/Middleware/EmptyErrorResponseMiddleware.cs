using Aro.Api;
using Aro.Frontend.Http;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Middleware;

/// <summary>
/// Routing answers an unknown path with an empty 404 and a known path with the wrong method with an
/// empty 405; ARM clients expect a CloudError body on every error, so give them one.
/// </summary>
internal sealed class EmptyErrorResponseMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null)
        {
            return;
        }

        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status404NotFound:
                await CloudErrorResponse.WriteAsync(context, StatusCodes.Status404NotFound,
                    new CloudErrorBody(CloudErrorCodes.NotFound, "The requested path could not be found."));
                break;
            case StatusCodes.Status405MethodNotAllowed:
                await CloudErrorResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                    new CloudErrorBody(CloudErrorCodes.MethodNotAllowed, $"The requested method '{context.Request.Method}' is not allowed on this path."));
                break;
        }
    }
}
