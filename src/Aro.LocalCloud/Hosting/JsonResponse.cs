using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Hosting;

/// <summary>Writes JSON bodies; ARM and Kubernetes clients both expect "application/json" with UTF-8.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode? body)
    {
        context.Response.StatusCode = statusCode;
        if (body is null || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted);
    }

    /// <summary>Reads the request body as a JSON object; null body means "{}", malformed JSON or a non-object means null.</summary>
    public static async Task<(bool Ok, JsonObject Body)> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, new JsonObject());
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject obj ? (true, obj) : (false, new JsonObject());
        }
        catch (JsonException)
        {
            return (false, new JsonObject());
        }
    }
}
