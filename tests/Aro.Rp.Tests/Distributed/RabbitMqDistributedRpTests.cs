namespace Aro.Rp.Tests.Distributed;

/// <summary>The distributed suite on RabbitMQ: the test broker test.sh starts, a virtual host per test.</summary>
[Trait("Category", "RabbitMQ")]
public sealed class RabbitMqDistributedRpTests : DistributedRpTests
{
    protected override RpTransport Transport => RpTransport.RabbitMq;
}
