using System.Text;
using System.Text.Json;
using Aro.Messaging.ServiceBus.Transport;
using MassTransit.Serialization;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

public sealed class ServiceBusMessageBodyTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"messageId":"6f1c2f3e-0b7a-4c1e-9d2a-3b4c5d6e7f80","message":{"id":1}}""");

    [Fact]
    public void A_body_held_as_a_whole_array_is_not_copied()
    {
        var body = new ServiceBusMessageBody(new BinaryData(Json));

        Assert.Same(Json, body.GetBytes());
        Assert.Equal(Json.Length, body.Length);
    }

    [Fact]
    public void A_body_held_as_part_of_an_array_is_copied_once()
    {
        var buffer = new byte[Json.Length + 4];
        Json.CopyTo(buffer, 2);
        var body = new ServiceBusMessageBody(new BinaryData(new ReadOnlyMemory<byte>(buffer, 2, Json.Length)));

        var bytes = body.GetBytes();

        Assert.Equal(Json, bytes);
        Assert.Same(bytes, body.GetBytes());
        Assert.Equal(Encoding.UTF8.GetString(Json), body.GetString());
        using var reader = new StreamReader(body.GetStream());
        Assert.Equal(Encoding.UTF8.GetString(Json), reader.ReadToEnd());
    }

    [Fact]
    public void The_json_serializers_read_the_body_as_one_document()
    {
        using var body = new ServiceBusMessageBody(new BinaryData(Json));

        var root = body.GetJsonElement(SystemTextJsonMessageSerializer.Options);

        Assert.NotNull(root);
        Assert.Equal("6f1c2f3e-0b7a-4c1e-9d2a-3b4c5d6e7f80", root.Value.GetProperty("messageId").GetString());
        Assert.Equal(1, root.Value.GetProperty("message").GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_body_that_is_not_json_fails_as_the_serializer_would()
    {
        using var body = new ServiceBusMessageBody(BinaryData.FromString("not json"));

        Assert.ThrowsAny<JsonException>(() => body.GetJsonElement(SystemTextJsonMessageSerializer.Options));
    }
}
