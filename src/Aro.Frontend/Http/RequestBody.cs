using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// Reads ARM request bodies: JSON only (and only JSON that keeps <see cref="RequestJsonRules"/>), at most 1 MiB,
/// errors in ARM's words.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the body as JSON; null when the body is empty.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(request, cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            RequestJsonRules.Check(bytes);
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw InvalidRequestContent(ex);
        }
    }

    /// <summary>The reference RP's answer to a body that does not deserialize, quoting the parser's reason.</summary>
    public static CloudError InvalidRequestContent(JsonException ex) =>
        CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, null, $"The request content was invalid and could not be deserialized: {Quote(ex.Message)}.");

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length > 0 || !string.IsNullOrEmpty(request.ContentType))
        {
            EnsureJsonContentType(request.ContentType);
        }

        return buffer.ToArray();
    }

    private static void EnsureJsonContentType(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';', 2)[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new CloudError(HttpStatusCode.UnsupportedMediaType, CloudErrorCodes.UnsupportedMediaType, null,
                $"The content media type '{contentType}' is not supported. Only 'application/json' is supported.");
        }
    }

    private static CloudError TooLarge() =>
        new(HttpStatusCode.RequestEntityTooLarge, CloudErrorCodes.RequestEntityTooLarge, null,
            $"The request content is larger than the maximum of {MaxBytes} bytes.");

    // Errors quote the parser's reason the way Go's %q would, so clients see one consistent shape.
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
