using Aro.LocalCloud;
using Aro.Messaging.ServiceBus.Connection;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Messaging.ServiceBus.Tests;

/// <summary>The local cloud's Service Bus on free ports, one per test class; tests isolate themselves by entity name.</summary>
public sealed class LocalServiceBusFixture : IAsyncLifetime
{
    private LocalCloudServer _server = null!;

    public ServiceBusTransportOptions Options { get; private set; } = null!;

    public ServiceBusClient Client { get; private set; } = null!;

    public ServiceBusAdministrationClient Administration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        Options = new ServiceBusTransportOptions
        {
            ConnectionString = _server.ServiceBus.ConnectionString,
            AdministrationConnectionString = _server.ServiceBus.AdministrationConnectionString,
        };
        Client = ServiceBusClients.CreateClient(Options);
        Administration = ServiceBusClients.CreateAdministrationClient(Options);
    }

    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _server.DisposeAsync();
    }
}
