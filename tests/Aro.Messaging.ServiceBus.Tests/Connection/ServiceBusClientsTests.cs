using Aro.Messaging.ServiceBus.Connection;
using Azure.Identity;

namespace Aro.Messaging.ServiceBus.Tests.Connection;

public sealed class ServiceBusClientsTests
{
    [Fact]
    public void In_Azure_the_credential_is_the_managed_identity()
    {
        var environment = new Dictionary<string, string?> { ["IDENTITY_ENDPOINT"] = "http://169.254.169.254/identity" };

        Assert.IsType<ManagedIdentityCredential>(ServiceBusClients.CreateCredential(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Elsewhere_the_credential_is_the_default_chain()
    {
        Assert.IsType<DefaultAzureCredential>(ServiceBusClients.CreateCredential(_ => null));
    }

    [Fact]
    public async Task A_connection_string_client_targets_its_endpoint()
    {
        var options = new ServiceBusTransportOptions
        {
            ConnectionString = "Endpoint=sb://localhost:5673;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=key;UseDevelopmentEmulator=true",
        };

        await using var client = ServiceBusClients.CreateClient(options);

        Assert.Equal("localhost", client.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_namespace_client_targets_the_namespace()
    {
        var options = new ServiceBusTransportOptions { Namespace = "contoso.servicebus.windows.net" };

        await using var client = ServiceBusClients.CreateClient(options, new DefaultAzureCredential());

        Assert.Equal("contoso.servicebus.windows.net", client.FullyQualifiedNamespace);
    }
}
