using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using MassTransit.Transports;

namespace Aro.Messaging.ServiceBus.Transport;

/// <summary>The bus's host on a Service Bus namespace: its receive endpoints, and the connection they share.</summary>
public sealed class ServiceBusHost : BaseHost, IHost<IServiceBusReceiveEndpointConfigurator>
{
    private readonly ServiceBusHostConfiguration _hostConfiguration;

    public ServiceBusHost(ServiceBusHostConfiguration hostConfiguration, IBusTopology busTopology)
        : base(hostConfiguration, busTopology)
    {
        _hostConfiguration = hostConfiguration;
    }

    public override HostReceiveEndpointHandle ConnectReceiveEndpoint(
        IEndpointDefinition definition,
        IEndpointNameFormatter? endpointNameFormatter,
        Action<IReceiveEndpointConfigurator>? configureEndpoint = null) =>
        ConnectReceiveEndpoint(definition, endpointNameFormatter, (Action<IServiceBusReceiveEndpointConfigurator>?)configureEndpoint);

    public HostReceiveEndpointHandle ConnectReceiveEndpoint(
        IEndpointDefinition definition,
        IEndpointNameFormatter? endpointNameFormatter,
        Action<IServiceBusReceiveEndpointConfigurator>? configureEndpoint = null)
    {
        var queueName = definition.GetEndpointName(endpointNameFormatter ?? DefaultEndpointNameFormatter.Instance);
        return ConnectReceiveEndpoint(queueName, configurator =>
        {
            _hostConfiguration.ApplyEndpointDefinition(configurator, definition);
            configureEndpoint?.Invoke(configurator);
        });
    }

    public override HostReceiveEndpointHandle ConnectReceiveEndpoint(string queueName, Action<IReceiveEndpointConfigurator>? configureEndpoint = null) =>
        ConnectReceiveEndpoint(queueName, (Action<IServiceBusReceiveEndpointConfigurator>?)configureEndpoint);

    public HostReceiveEndpointHandle ConnectReceiveEndpoint(string queueName, Action<IServiceBusReceiveEndpointConfigurator>? configureEndpoint = null)
    {
        LogContext.SetCurrentIfNull(_hostConfiguration.LogContext);
        var configuration = _hostConfiguration.CreateReceiveEndpointConfiguration(queueName, configureEndpoint);
        configuration.Validate().ThrowIfContainsFailure("The receive endpoint configuration is invalid:");
        configuration.Build(this);
        return ReceiveEndpoints.Start(queueName);
    }

    protected override void Probe(ProbeContext context)
    {
        context.Add("type", "Azure Service Bus");
        context.Add("namespace", _hostConfiguration.HostAddress);
    }

    protected override IAgent[] GetAgentHandles() => [_hostConfiguration.Connection];
}
