using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.LocalCloud.Tests.ServiceBus;

/// <summary>One local cloud with its Service Bus on free ports per test class; tests isolate themselves by entity name.</summary>
public sealed class ServiceBusFixture : IAsyncLifetime
{
    public LocalCloudServer Server { get; private set; } = null!;

    public ServiceBusClient Client { get; private set; } = null!;

    public ServiceBusAdministrationClient Administration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        Client = CreateClient(Server.ServiceBus.ConnectionString);
        Administration = new ServiceBusAdministrationClient(Server.ServiceBus.AdministrationConnectionString);
    }

    public static ServiceBusClient CreateClient(string connectionString) => new(connectionString, new ServiceBusClientOptions
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) },
    });

    public async Task<string> CreateQueueAsync(Action<CreateQueueOptions>? configure = null)
    {
        var options = new CreateQueueOptions("q-" + Guid.NewGuid().ToString("N")[..8]);
        configure?.Invoke(options);
        await Administration.CreateQueueAsync(options);
        return options.Name;
    }

    public async Task<HttpResponseMessage> HttpPostAsync(string path)
    {
        using var http = new HttpClient(Server.CreateHttpMessageHandler()) { BaseAddress = Server.BaseAddress };
        return await http.PostAsync(path, null);
    }

    public async Task<System.Text.Json.Nodes.JsonObject> HttpGetJsonAsync(string path)
    {
        using var http = new HttpClient(Server.CreateHttpMessageHandler()) { BaseAddress = Server.BaseAddress };
        return System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(path))!.AsObject();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
