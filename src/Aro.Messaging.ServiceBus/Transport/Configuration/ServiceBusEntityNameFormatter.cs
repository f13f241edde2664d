using Aro.Messaging.ServiceBus.Topology;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>MassTransit's entity names are our topic names, so its topology and the provisioner agree.</summary>
public sealed class ServiceBusEntityNameFormatter : IEntityNameFormatter
{
    public string FormatEntityName<T>() => ServiceBusEntityNames.Topic(typeof(T));
}
