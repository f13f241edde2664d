namespace Aro.LocalCloud.ServiceBus;

/// <summary>Settings of the local Service Bus namespace (section "LocalCloud:ServiceBus").</summary>
public sealed class LocalServiceBusOptions
{
    /// <summary>Serve the namespace at all; off, the local cloud plays ARM, blobs and Kubernetes only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>AMQP port (plain TCP, as the SDK's emulator mode expects); 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Port of the ATOM management API over HTTP (ServiceBusAdministrationClient); 0 picks a free port.</summary>
    public int AdministrationPort { get; set; }

    /// <summary>Host name put in connection strings and accepted in token audiences.</summary>
    public string Host { get; set; } = "localhost";

    public string KeyName { get; set; } = "RootManageSharedAccessKey";

    /// <summary>The namespace key SAS tokens must be signed with (a development key, like Microsoft's emulator's).</summary>
    public string Key { get; set; } = "LocalCloudServiceBusDevelopmentKey=";

    /// <summary>Largest message accepted, in bytes (Standard tier: 256 KB).</summary>
    public int MaxMessageSizeBytes { get; set; } = 256 * 1024;

    /// <summary>The connection string of the namespace these settings serve, on <paramref name="port"/> (AMQP or administration).</summary>
    public string ConnectionString(int port) =>
        $"Endpoint=sb://{Host}:{port};SharedAccessKeyName={KeyName};SharedAccessKey={Key};UseDevelopmentEmulator=true";

    /// <summary>Optional JSON file declaring queues, topics and subscriptions created at start (see docs/local-cloud.md).</summary>
    public string? TopologyFile { get; set; }
}
