using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// A 200 whose JSON was made before (<see cref="Clusters.ClusterJsonCache"/>, <see cref="ArmList"/>): written in one
/// piece with its length, so it goes out as one body rather than in chunks, which is also cheaper for the client.
/// The bytes stay the caller's: the write copies them into the response's buffers.
/// </summary>
internal sealed class ArmJsonBytesResult(byte[] json) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.BodyWriter.WriteAsync(json, httpContext.RequestAborted);
    }
}
