using System.Runtime.InteropServices;
using System.Text.Json;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// A received message's body as the SDK holds it, copied only when something asks for an array. MassTransit's JSON
/// serializers read it as <see cref="JsonMessageBody"/>: one document parsed over the received bytes, its buffers
/// pooled and returned when the receive context is disposed, rather than a copy of the body parsed into a copy.
/// </summary>
public sealed class ServiceBusMessageBody(BinaryData body) : MessageBody, JsonMessageBody, IDisposable
{
    private byte[]? _bytes;
    private JsonDocument? _document;

    public long? Length => body.Length;

    public Stream GetStream() => body.ToStream();

    public byte[] GetBytes() => _bytes ??= MemoryMarshal.TryGetArray(body.ToMemory(), out var segment) && segment is { Offset: 0, Array: { } array } && array.Length == segment.Count
        ? array
        : body.ToArray();

    public string GetString() => body.ToString();

    /// <summary>
    /// The serializers clone what they keep (the envelope's message, headers and host), so the document lives only as
    /// long as the receive context: everything that reads the body runs inside it.
    /// </summary>
    public JsonElement? GetJsonElement(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _document ??= JsonDocument.Parse(body.ToMemory(), new JsonDocumentOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            // A document cannot keep comments (Allow); skipping them reads the same values.
            CommentHandling = options.ReadCommentHandling == JsonCommentHandling.Disallow ? JsonCommentHandling.Disallow : JsonCommentHandling.Skip,
            MaxDepth = options.MaxDepth,
        });
        return _document.RootElement;
    }

    public void Dispose() => _document?.Dispose();
}
