using System.Net;
using System.Net.NetworkInformation;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>
/// The Service Bus listens where the local cloud does: loopback for localhost (a developer's machine), every
/// interface for 0.0.0.0 (a container the RP's containers reach by name), and hands out connection strings with the
/// host name it is told.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task A_local_cloud_on_localhost_serves_Service_Bus_on_loopback_only()
    {
        await using var server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });

        Assert.Contains(new IPEndPoint(IPAddress.Loopback, server.ServiceBus.Port), Listeners());
        Assert.Contains(new IPEndPoint(IPAddress.Loopback, server.ServiceBus.AdministrationPort), Listeners());
        Assert.DoesNotContain(new IPEndPoint(IPAddress.Any, server.ServiceBus.Port), Listeners());
    }

    [Fact]
    public async Task A_local_cloud_on_every_interface_serves_Service_Bus_there_under_the_host_name_it_is_given()
    {
        var options = new LocalCloudOptions { Url = "https://0.0.0.0:0" };
        options.ServiceBus.Host = "127.0.0.1";
        await using var server = await LocalCloudServer.StartAsync(options);

        Assert.Contains(new IPEndPoint(IPAddress.Any, server.ServiceBus.Port), Listeners());
        Assert.Contains(new IPEndPoint(IPAddress.Any, server.ServiceBus.AdministrationPort), Listeners());
        Assert.Contains("Endpoint=sb://127.0.0.1:", server.ServiceBus.ConnectionString, StringComparison.Ordinal);

        // A client that knows it by that name creates, sends and receives.
        await new ServiceBusAdministrationClient(server.ServiceBus.AdministrationConnectionString).CreateQueueAsync("reached");
        await using var client = ServiceBusFixture.CreateClient(server.ServiceBus.ConnectionString);
        await using var sender = client.CreateSender("reached");
        await sender.SendMessageAsync(new ServiceBusMessage("by name"));
        await using var receiver = client.CreateReceiver("reached");
        Assert.Equal("by name", (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10))).Body.ToString());
    }

    private static IPEndPoint[] Listeners() => IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
}
