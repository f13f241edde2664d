using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// A 200 whose JSON was made before (<see cref="Clusters.ClusterJsonCache"/>, <see cref="ArmList"/>): written in one
/// piece with its length, so it goes out as one body rather than in chunks, which is also cheaper for the client.
/// </summary>
internal sealed class ArmJsonBytesResult(byte[] json, int length, bool rented) : IResult
{
    /// <summary>All of <paramref name="json"/>, which stays the caller's.</summary>
    public ArmJsonBytesResult(byte[] json)
        : this(json, json.Length, rented: false)
    {
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = length;
        try
        {
            await response.BodyWriter.WriteAsync(json.AsMemory(0, length), httpContext.RequestAborted);
        }
        finally
        {
            // The write copied the bytes into the response's buffers.
            if (rented)
            {
                ArrayPool<byte>.Shared.Return(json);
            }
        }
    }

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/>, rented from the shared pool and returned to it once written.</summary>
    public static ArmJsonBytesResult Rented(byte[] buffer, int length) => new(buffer, length, rented: true);
}
