namespace Aro.Rp.Tests.Distributed;

/// <summary>The transports the distributed suite runs on.</summary>
public enum RpTransport
{
    RabbitMq,
    ServiceBus,
}
