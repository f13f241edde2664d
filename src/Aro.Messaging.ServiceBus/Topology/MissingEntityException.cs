namespace Aro.Messaging.ServiceBus.Topology;

/// <summary>
/// An entity the RP needs does not exist and the RP may not create it; the message is the one line the
/// host prints before exiting.
/// </summary>
public sealed class MissingEntityException(string entity)
    : InvalidOperationException(
        $"Service Bus entity '{entity}' does not exist; declare it in infra or set {ServiceBusEnvironmentVariables.CreateTopology}=true to let the RP create it.")
{
    public string Entity { get; } = entity;
}
