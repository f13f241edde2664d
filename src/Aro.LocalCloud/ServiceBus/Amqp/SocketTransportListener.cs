using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Amqp.Transport;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>The AMQP stack's TCP listener on an address, on the given port or (0) on a free one it reports.</summary>
internal static class SocketTransportListener
{
    public static (TransportListener Listener, int Port) Create(IPAddress address, int port)
    {
        if (port == 0)
        {
            var probe = new TcpListener(address, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var settings = new TcpTransportSettings { Host = address.ToString(), Port = port };
        return (settings.CreateListener(), port);
    }
}
