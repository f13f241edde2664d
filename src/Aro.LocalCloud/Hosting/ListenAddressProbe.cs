using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Aro.LocalCloud.Hosting;

/// <summary>
/// Tries the local cloud's address before the host starts: a port already taken is then the same IOException Kestrel
/// throws, but without the host first logging its failed start with a stack trace, so aro-rp can say it in one line.
/// </summary>
internal static class ListenAddressProbe
{
    public static void ThrowIfInUse(Uri url)
    {
        if (url.Port == 0)
        {
            return;
        }

        foreach (var address in Addresses(url.Host))
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(address, url.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.", new AddressInUseException(e.Message, e));
            }
            catch (SocketException)
            {
                // Another reason (no IPv6 on this machine, say): Kestrel decides, as it would without the probe.
            }
        }
    }

    private static IPAddress[] Addresses(string host) =>
        host is "localhost" ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
        : IPAddress.TryParse(host, out var address) ? [address]
        : [IPAddress.Any];
}
