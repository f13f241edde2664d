using Azure.Messaging.ServiceBus;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>The namespace the bus runs on, and the receive endpoints configured on it.</summary>
public sealed class ServiceBusHostConfiguration
    : BaseHostConfiguration<ServiceBusReceiveEndpointConfiguration, IServiceBusReceiveEndpointConfigurator>
{
    private readonly ServiceBusBusConfiguration _busConfiguration;
    private readonly ServiceBusBusTopology _topology;

    public ServiceBusHostConfiguration(ServiceBusBusConfiguration busConfiguration, ServiceBusConnection connection)
        : base(busConfiguration)
    {
        _busConfiguration = busConfiguration;
        Connection = connection;
        _topology = new ServiceBusBusTopology(this, busConfiguration.Topology);
        ReceiveTransportRetryPolicy = Retry.CreatePolicy(retry =>
        {
            retry.Handle<ServiceBusException>(exception => exception.IsTransient);
            retry.Exponential(1000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3));
        });
    }

    public ServiceBusConnection Connection { get; }

    public override Uri HostAddress => Connection.HostAddress;

    public override IBusTopology Topology => _topology;

    public override IRetryPolicy ReceiveTransportRetryPolicy { get; }

    public new void ApplyEndpointDefinition(IReceiveEndpointConfigurator configurator, IEndpointDefinition definition) =>
        base.ApplyEndpointDefinition(configurator, definition);

    public ServiceBusReceiveEndpointConfiguration CreateReceiveEndpointConfiguration(
        string queueName,
        ServiceBusEndpointConfiguration endpointConfiguration,
        bool isTemporary,
        Action<IServiceBusReceiveEndpointConfigurator>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var configuration = new ServiceBusReceiveEndpointConfiguration(this, queueName, endpointConfiguration, isTemporary);
        configure?.Invoke(configuration);
        Observers.EndpointConfigured(configuration);
        Add(configuration);
        return configuration;
    }

    public ServiceBusReceiveEndpointConfiguration CreateReceiveEndpointConfiguration(string queueName, Action<IServiceBusReceiveEndpointConfigurator>? configure) =>
        CreateReceiveEndpointConfiguration(queueName, _busConfiguration.CreateEndpointConfiguration(), isTemporary: false, configure);

    public override IReceiveEndpointConfiguration CreateReceiveEndpointConfiguration(string queueName, Action<IReceiveEndpointConfigurator>? configure) =>
        CreateReceiveEndpointConfiguration(queueName, configure);

    public override void ReceiveEndpoint(
        IEndpointDefinition definition,
        IEndpointNameFormatter? endpointNameFormatter,
        Action<IServiceBusReceiveEndpointConfigurator>? configureEndpoint = null)
    {
        var queueName = definition.GetEndpointName(endpointNameFormatter ?? DefaultEndpointNameFormatter.Instance);
        ReceiveEndpoint(queueName, configurator =>
        {
            ApplyEndpointDefinition(configurator, definition);
            configureEndpoint?.Invoke(configurator);
        });
    }

    public override void ReceiveEndpoint(string queueName, Action<IServiceBusReceiveEndpointConfigurator> configureEndpoint) =>
        CreateReceiveEndpointConfiguration(queueName, configureEndpoint);

    public override IHost Build()
    {
        var host = new ServiceBusHost(this, _topology);
        foreach (var endpoint in GetConfiguredEndpoints())
        {
            endpoint.Build(host);
        }

        return host;
    }
}
