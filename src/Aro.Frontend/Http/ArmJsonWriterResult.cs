using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// A 200 whose JSON is written straight into the response's buffers, with ARM's encoder: what
/// <see cref="ArmResults.Json(System.Text.Json.Nodes.JsonNode, int)"/> answers for the same value, without building the tree first.
/// Reads answer most requests, and the tree was most of what a list page allocated besides the documents.
/// </summary>
internal sealed class ArmJsonWriterResult(Action<Utf8JsonWriter> write) : IResult
{

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, ArmJson.WriterOptions))
        {
            write(writer);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
