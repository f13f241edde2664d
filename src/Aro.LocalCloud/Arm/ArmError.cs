using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Arm;

/// <summary>ARM error bodies, {"error":{"code","message"}}, with the codes and wording ARM uses.</summary>
internal static class ArmError
{
    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        // Azure.Core reads the error code from this header before it parses the body.
        context.Response.Headers["x-ms-error-code"] = code;
        return JsonResponse.WriteAsync(context, statusCode, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
    }

    public static Task MissingApiVersionAsync(HttpContext context) =>
        WriteAsync(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

    public static Task ResourceGroupNotFoundAsync(HttpContext context, string resourceGroup) =>
        WriteAsync(context, 404, "ResourceGroupNotFound", $"Resource group '{resourceGroup}' could not be found.");

    public static Task ResourceNotFoundAsync(HttpContext context, string resourceType, string name, string resourceGroup) =>
        WriteAsync(context, 404, "ResourceNotFound",
            $"The Resource '{resourceType}/{name}' under resource group '{resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static Task ParentResourceNotFoundAsync(HttpContext context, string parentName) =>
        WriteAsync(context, 404, "ParentResourceNotFound",
            $"Can not perform requested operation on nested resource. Parent resource '{parentName}' not found.");

    public static Task InvalidRequestContentAsync(HttpContext context) =>
        WriteAsync(context, 400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");

    public static Task MethodNotAllowedAsync(HttpContext context) =>
        WriteAsync(context, 405, "MethodNotAllowed", $"The HTTP method '{context.Request.Method}' is not supported at '{context.Request.Path}'.");

    public static Task InvalidResourceTypeAsync(HttpContext context) =>
        WriteAsync(context, 400, "InvalidResourceType", $"The resource path '{context.Request.Path}' is not supported by the local cloud.");
}
