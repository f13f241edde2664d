using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Frontend.Tests.HostileInput;

/// <summary>
/// What only the real server sees (the test server skips Kestrel's HTTP parser): raw requests over a socket to the
/// RP on Kestrel, on a port the system picks. Refusals the application can answer carry a CloudError; those Kestrel
/// makes before any middleware runs (a malformed head, over-long headers, NUL in the path) cannot carry a body, but
/// are never a 5xx.
/// </summary>
public sealed class KestrelRefusalTests : IAsyncLifetime
{
    private readonly RpFactory _factory = new();
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _address = new Uri(addresses.First());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string ClusterPath => $"/subscriptions/{Guid.NewGuid()}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2020-04-30";

    [Fact]
    public async Task Broken_chunked_framing_is_a_400_CloudError()
    {
        var response = await SendRawAsync(
            $"PUT {ClusterPath} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{{}}\r\n0\r\n\r\n");

        Assert.Equal(400, response.Status);
        AssertCloudError(response, "InvalidRequestContent");
    }

    [Fact]
    public async Task A_declared_body_over_one_MiB_is_a_413_CloudError()
    {
        var body = "{\"tags\": {\"a\": \"" + new string('x', 1024 * 1024) + "\"}}";
        var response = await SendRawAsync(
            $"PUT {ClusterPath} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");

        Assert.Equal(413, response.Status);
        AssertCloudError(response, "RequestEntityTooLarge");
    }

    [Theory]
    [InlineData("DELETE", "")]
    [InlineData("DELETE", " ")]
    public async Task An_empty_If_Match_is_a_412_never_an_unconditional_write(string method, string value)
    {
        var response = await SendRawAsync(
            $"{method} {ClusterPath} HTTP/1.1\r\nHost: localhost\r\nIf-Match:{value}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}");

        Assert.Equal(412, response.Status);
        AssertCloudError(response, "PreconditionFailed");
    }

    [Fact]
    public async Task An_unanswerable_client_request_id_is_not_echoed_and_not_a_500()
    {
        var response = await SendRawAsync(
            "GET /providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30 HTTP/1.1\r\nHost: localhost\r\n" +
            "x-ms-return-client-request-id: true\r\nx-ms-client-request-id: a\u0001b\tc\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain("x-ms-client-request-id", response.Head, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string> KestrelLevel() => new()
    {
        { "over-long headers", $"GET / HTTP/1.1\r\nHost: localhost\r\nx-big: {new string('a', 40 * 1024)}\r\n\r\n" },
        { "NUL in the path", "GET /subscriptions/%00/resourceGroups HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "raw NUL in the path", "GET /subscriptions/\0 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "a Content-Length that is not a number", $"PUT {ClusterPath} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n" },
        { "both Content-Length and chunked", $"PUT {ClusterPath} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "a header without a colon", "GET / HTTP/1.1\r\nHost: localhost\r\nbroken header\r\n\r\n" },
        { "a newline in a header value", "GET / HTTP/1.1\r\nHost: localhost\r\nx-a: b\nforged: c\r\n\r\n" },
        { "no Host", "GET / HTTP/1.1\r\n\r\n" },
        { "a request line of garbage", "\u0001\u0002\u0003 garbage\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(KestrelLevel))]
    public async Task Requests_Kestrel_refuses_before_the_RP_are_4xx_never_5xx(string description, string raw)
    {
        var response = await SendRawAsync(raw);

        Assert.True(response.Status is >= 400 and < 500, $"{description}: {response.Status}\n{response.Head}");
    }

    private static void AssertCloudError(RawResponse response, string code)
    {
        Assert.Contains("Content-Type: application/json", response.Head, StringComparison.OrdinalIgnoreCase);
        var error = JsonNode.Parse(response.Body)!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    private async Task<RawResponse> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_address.Host, _address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        await stream.FlushAsync();

        // The head, then the body by its Content-Length (or to the end, when the server closes).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = Encoding.UTF8.GetString(received.ToArray());
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd >= 0 && ContentLength(text[..headEnd]) is { } length && received.Length >= headEnd + 4 + length)
            {
                break;
            }

            if (headEnd >= 0 && IsChunked(text[..headEnd]) && text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }

            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        var all = Encoding.UTF8.GetString(received.ToArray());
        var end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no response head: '{all}'");
        var head = all[..end];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = all[(end + 4)..];
        return new RawResponse(status, head, IsChunked(head) ? Dechunk(body) : body);
    }

    private static bool IsChunked(string head) => head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[position..lineEnd], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int? ContentLength(string head) =>
        head.Split("\r\n").Select(line => line.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => (int?)int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    private sealed record RawResponse(int Status, string Head, string Body);
}
