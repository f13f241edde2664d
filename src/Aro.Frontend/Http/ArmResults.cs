using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>Results with ARM's JSON conventions.</summary>
internal static class ArmResults
{
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, ArmJson.Options, contentType: "application/json", statusCode: statusCode);

    /// <summary>A 200 with the JSON <paramref name="write"/> writes, without an intermediate tree (<see cref="ArmJsonWriterResult"/>).</summary>
    public static IResult Json(Action<System.Text.Json.Utf8JsonWriter> write) => new ArmJsonWriterResult(write);

    /// <summary>A 200 whose body is <paramref name="json"/>, made before (<see cref="ArmJsonBytesResult"/>).</summary>
    public static IResult Json(byte[] json) => new ArmJsonBytesResult(json);
}
