using Aro.Messaging.ServiceBus.Topology;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Tests.Topology;

public sealed class ServiceBusEntityNamesTests
{
    [Fact]
    public void A_message_type_is_published_to_a_topic_named_after_its_namespace_and_type()
    {
        Assert.Equal("Aro.Messaging.ServiceBus.Tests.Topology/ClusterCreateRequested", ServiceBusEntityNames.Topic<ClusterCreateRequested>());
    }

    [Fact]
    public void Nested_and_generic_types_get_valid_stable_topic_names()
    {
        var topic = ServiceBusEntityNames.Topic<Envelope<ClusterCreateRequested>>();

        Assert.Equal("Aro.Messaging.ServiceBus.Tests.Topology/ServiceBusEntityNamesTests-Envelope_ClusterCreateRequested", topic);
        Assert.Null(ServiceBusEntityNames.EntityPathProblem(topic));
    }

    [Fact]
    public void Endpoint_queues_use_the_kebab_case_names_of_the_RabbitMQ_mode()
    {
        Assert.Equal("validate-network", ServiceBusEntityNames.ConsumerQueue<ValidateNetworkConsumer>());
        Assert.Equal("validate-network", ServiceBusEntityNames.Queue("validate-network"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading")]
    [InlineData("a//b")]
    [InlineData("ends.")]
    public void Invalid_queue_names_are_refused_with_the_reason(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => ServiceBusEntityNames.Queue(name));

        Assert.Contains(name, exception.Message);
    }

    [Fact]
    public void Long_subscription_names_are_cut_to_the_brokers_limit_and_stay_distinct()
    {
        var first = ServiceBusEntityNames.Subscription(new string('a', 60) + "-one");
        var second = ServiceBusEntityNames.Subscription(new string('a', 60) + "-two");

        Assert.Equal(ServiceBusEntityNames.MaxSubscriptionNameLength, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, ServiceBusEntityNames.Subscription(new string('a', 60) + "-one"));
    }

    [Fact]
    public void Short_subscription_names_are_the_endpoint_name()
    {
        Assert.Equal("cluster-lifecycle-state", ServiceBusEntityNames.Subscription("cluster-lifecycle-state"));
    }

    [Fact]
    public void The_dead_letter_queue_is_addressed_under_its_queue()
    {
        Assert.Equal("validate-network/$DeadLetterQueue", ServiceBusEntityNames.DeadLetterQueueOf("validate-network"));
        Assert.Equal("validate-network/$DeadLetterQueue", ServiceBusEntityNames.DeadLetterQueueOf("validate-network/$DeadLetterQueue"));
        Assert.Equal("validate-network", ServiceBusEntityNames.QueueOfDeadLetterQueue("validate-network/$DeadLetterQueue"));
        Assert.Equal("validate-network", ServiceBusEntityNames.QueueOfDeadLetterQueue("validate-network"));
    }

    public sealed record Envelope<T>(T Message);

    private sealed class ValidateNetworkConsumer : IConsumer<ClusterCreateRequested>
    {
        public Task Consume(ConsumeContext<ClusterCreateRequested> context) => Task.CompletedTask;
    }
}

public sealed record ClusterCreateRequested(Guid ClusterId);
