using System.Net;
using System.Net.Sockets;

namespace Aro.Rp.Tests;

/// <summary>A loopback TCP port nobody listens on right now, for a server a test starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
