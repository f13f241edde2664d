using System.Collections.Concurrent;
using Aro.Messaging.ServiceBus.Connection;
using Aro.Messaging.ServiceBus.Topology;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using MassTransit;
using MassTransit.Middleware;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>
/// The bus's one ServiceBusClient (the SDK reconnects its AMQP connection by itself), its senders, one per
/// entity (each with its batcher), and the topology it makes sure of before using an entity. Stopped with the host, last.
/// </summary>
public sealed class ServiceBusConnection : Agent
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceBusSendBatcher> _batchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _topics = new(StringComparer.Ordinal);

    public ServiceBusConnection(ServiceBusTransportOptions options, bool createTopology)
    {
        Options = options;
        CreateTopology = createTopology;
        Client = ServiceBusClients.CreateClient(options);
        Administration = ServiceBusClients.CreateAdministrationClient(options);
        Provisioner = new ServiceBusTopologyProvisioner(Administration, Client, options);
        HostAddress = ServiceBusEndpointAddress.HostAddressOf(Client.FullyQualifiedNamespace);
        SetReady();
    }

    public ServiceBusTransportOptions Options { get; }

    /// <summary>Whether missing entities are created (development) or only reported (production).</summary>
    public bool CreateTopology { get; }

    public ServiceBusClient Client { get; }

    public ServiceBusAdministrationClient Administration { get; }

    public ServiceBusTopologyProvisioner Provisioner { get; }

    public Uri HostAddress { get; }

    public ServiceBusSender Sender(string entityPath) => _senders.GetOrAdd(entityPath, path => Client.CreateSender(path));

    /// <summary>The entity's sender with concurrent sends batched (<see cref="ServiceBusTransportOptions.SendBatchLimit"/>).</summary>
    public ServiceBusSendBatcher Batcher(string entityPath) =>
        _batchers.GetOrAdd(entityPath, path => new ServiceBusSendBatcher(Sender(path), Options.SendBatchLimit));

    /// <summary>The topic of a published type, checked or created once per process.</summary>
    public Task EnsureTopicAsync(Type messageType, CancellationToken cancellationToken)
    {
        var topic = ServiceBusEntityNames.Topic(messageType);
        Lazy<Task>? candidate = null;
        candidate = new Lazy<Task>(() => EnsureOrForgetAsync(topic, messageType, candidate!));
        return _topics.GetOrAdd(topic, candidate).Value.WaitAsync(cancellationToken);
    }

    /// <summary>A failed check is retried by the next publish rather than cached forever.</summary>
    private async Task EnsureOrForgetAsync(string topic, Type messageType, Lazy<Task> self)
    {
        try
        {
            await Provisioner.EnsureTopicAsync(messageType, CreateTopology, CancellationToken.None);
        }
        catch
        {
            _topics.TryRemove(new KeyValuePair<string, Lazy<Task>>(topic, self));
            throw;
        }
    }

    protected override async Task StopAgent(StopContext context)
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }

        await Client.DisposeAsync();
        await base.StopAgent(context);
    }
}
