using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Aro.Messaging.ServiceBus.Connection;

/// <summary>
/// Builds the data-plane and administration clients from the settings: a connection string when given
/// (the local cloud, or SAS), otherwise the namespace with an Entra ID credential.
/// </summary>
public static class ServiceBusClients
{
    public static ServiceBusClient CreateClient(ServiceBusTransportOptions options, TokenCredential? credential = null)
    {
        var clientOptions = new ServiceBusClientOptions
        {
            // The SDK retries transient faults itself; the bus's own reconnection sits above this.
            RetryOptions = new ServiceBusRetryOptions { Mode = ServiceBusRetryMode.Exponential, MaxRetries = 5, MaxDelay = TimeSpan.FromSeconds(30) },
        };
        return options.UsesConnectionString
            ? new ServiceBusClient(options.ConnectionString, clientOptions)
            : new ServiceBusClient(options.Namespace, credential ?? CreateCredential(), clientOptions);
    }

    public static ServiceBusAdministrationClient CreateAdministrationClient(ServiceBusTransportOptions options, TokenCredential? credential = null) =>
        options.UsesConnectionString
            ? new ServiceBusAdministrationClient(string.IsNullOrWhiteSpace(options.AdministrationConnectionString) ? options.ConnectionString : options.AdministrationConnectionString)
            : new ServiceBusAdministrationClient(options.Namespace, credential ?? CreateCredential());

    /// <summary>
    /// Managed identity when the process runs in Azure (the platform sets IDENTITY_ENDPOINT or MSI_ENDPOINT),
    /// so a production RP never falls back to a developer's login; DefaultAzureCredential elsewhere.
    /// </summary>
    public static TokenCredential CreateCredential(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (RunsInAzure(environment))
        {
            var clientId = environment("AZURE_CLIENT_ID");
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }

    internal static bool RunsInAzure(Func<string, string?> environment) =>
        !string.IsNullOrEmpty(environment("IDENTITY_ENDPOINT")) || !string.IsNullOrEmpty(environment("MSI_ENDPOINT"));
}
