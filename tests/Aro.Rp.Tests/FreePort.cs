using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Aro.Rp.Tests;

/// <summary>A loopback TCP port nobody listens on right now, for a server a test starts.</summary>
/// <remarks>
/// Taken below Linux's ephemeral range (32768-60999), where outgoing connections and servers bound to port 0 take
/// theirs: a port handed out here and bound a moment later by a child process cannot meanwhile become a connection's
/// local port (which made a process start fail with "address in use"). Never the same port twice per test run.
/// </remarks>
internal static class FreePort
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
