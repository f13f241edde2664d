using Aro.Messaging.ServiceBus.Transport;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

public sealed class ServiceBusEndpointAddressTests
{
    private static readonly Uri Host = ServiceBusEndpointAddress.HostAddressOf("contoso.servicebus.windows.net");

    [Fact]
    public void Short_queue_addresses_resolve_on_the_namespace()
    {
        var address = ServiceBusEndpointAddress.Parse(Host, new Uri("queue:validate-network"));

        Assert.Equal(new ServiceBusEndpointAddress(Host, "validate-network", false), address);
        Assert.Equal("sb://contoso.servicebus.windows.net/validate-network", address.ToUri().ToString());
    }

    [Theory]
    [InlineData("topic:Aro.Contracts.Events/ClusterCreated")]
    [InlineData("exchange:Aro.Contracts.Events/ClusterCreated")]
    [InlineData("sb://contoso.servicebus.windows.net/Aro.Contracts.Events/ClusterCreated?type=topic")]
    public void Topic_addresses_keep_the_slashed_topic_name(string uri)
    {
        var address = ServiceBusEndpointAddress.Parse(Host, new Uri(uri));

        Assert.True(address.IsTopic);
        Assert.Equal("Aro.Contracts.Events/ClusterCreated", address.EntityPath);
    }

    [Fact]
    public void A_full_address_round_trips()
    {
        var uri = ServiceBusEndpointAddress.Topic(Host, "Aro.Contracts.Events/ClusterCreated");

        Assert.Equal(new ServiceBusEndpointAddress(Host, "Aro.Contracts.Events/ClusterCreated", true), ServiceBusEndpointAddress.Parse(Host, uri));
    }

    [Fact]
    public void Another_transports_address_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ServiceBusEndpointAddress.Parse(Host, new Uri("rabbitmq://localhost/validate-network")));
    }
}
