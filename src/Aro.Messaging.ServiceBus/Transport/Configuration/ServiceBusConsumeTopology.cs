using Aro.Messaging.ServiceBus.Topology;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Transport.Configuration;

/// <summary>The consume topology: which types an endpoint subscribes to is read by the endpoint builder.</summary>
public sealed class ServiceBusConsumeTopology() : ConsumeTopology(ServiceBusEntityNames.MaxEntityPathLength);
