using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Aro.Cloud.Identity;

/// <summary>
/// Names under <c>.localhost</c> are loopback (RFC 6761), as browsers treat them; the system resolver here does not know
/// them. The local cloud serves each Key Vault on <c>{vault}.vault.localhost</c> (Key Vault clients insist the vault host
/// ends with the challenge's resource host), so the RP's connections resolve those names themselves.
/// </summary>
public static class LoopbackNames
{
    public static bool IsLoopbackName(string host) => host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects <c>*.localhost</c> to 127.0.0.1 and anything else as usual.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IsLoopbackName(target.Host))
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target.Port), cancellationToken);
            }
            else
            {
                await socket.ConnectAsync(target, cancellationToken);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
