using Aro.Backend.DeadLetters;
using Aro.Backend.ServiceBus;

namespace Aro.Infra.Tests;

/// <summary>
/// The queues, topics and subscriptions infra/modules/servicebus.bicep creates are those ServiceBusTopology derives
/// from the RP's consumers and saga, so the transport finds every entity it uses and nothing needs Manage rights.
/// </summary>
public sealed class ServiceBusEntitiesTests
{
    [Fact]
    public void Infra_creates_the_queue_of_every_endpoint_with_its_error_and_skipped_queues()
    {
        var queues = CompiledTemplate.Main.Single("Microsoft.ServiceBus/namespaces/queues").LoopVariable();

        Assert.Equal(ServiceBusTopology.Rp.Queues, queues.Select(queue => (string)queue!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Infra_creates_a_topic_per_consumed_message_type_with_a_subscription_per_consuming_endpoint()
    {
        var topics = CompiledTemplate.Main.Single("Microsoft.ServiceBus/namespaces/topics").LoopVariable();

        var expected = ServiceBusTopology.Rp.Topics.Select(topic =>
            $"{topic.Name} -> {string.Join(", ", topic.Subscriptions.Select(subscription => subscription.Name))}");
        var created = topics.Select(topic => topic!.AsObject()).OrderBy(topic => (string)topic["name"]!, StringComparer.Ordinal).Select(topic =>
            $"{(string)topic["name"]!} -> {string.Join(", ", topic["subscribers"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal))}");

        Assert.True(expected.SequenceEqual(created), "infra/modules/servicebus.bicep's topics should be:\n" + BicepTopics());
    }

    [Fact]
    public void Topic_names_go_to_arm_with_tilde_for_slash()
    {
        // ARM reserves '/' in resource names; the Service Bus resource provider turns '~' back into '/'.
        var topic = CompiledTemplate.Main.Single("Microsoft.ServiceBus/namespaces/topics");

        Assert.Contains("replace(variables('topics')[copyIndex()].name, '/', '~')", (string)topic.Json["name"]!);
    }

    [Fact]
    public void Every_subscription_is_named_after_the_queue_it_forwards_into()
    {
        var subscription = CompiledTemplate.Main.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions");

        var name = (string)subscription.Json["name"]!;
        var forwardTo = (string)subscription.Json["properties"]!["forwardTo"]!;
        Assert.EndsWith("variables('subscriptions')[copyIndex()].queue)]", name);
        Assert.Equal("[variables('subscriptions')[copyIndex()].queue]", forwardTo);
        Assert.All(ServiceBusTopology.Rp.Topics.SelectMany(topic => topic.Subscriptions), s =>
            Assert.True(s.Name.Length <= ServiceBusTopology.MaxSubscriptionNameLength, s.Name));
    }

    [Fact]
    public void The_topology_has_the_endpoints_a_backend_declares()
    {
        Assert.Equal(KnownEndpoints.Names.Order(StringComparer.Ordinal), ServiceBusTopology.Rp.Endpoints.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Message_types_are_named_as_masstransit_names_them_on_service_bus()
    {
        Assert.Equal("Aro.Contracts/ValidateNetwork", ServiceBusTopology.TopicName(typeof(Aro.Contracts.ValidateNetwork)));
        Assert.Equal(
            "MassTransit/Fault--Aro.Contracts/ValidateNetwork--",
            ServiceBusTopology.TopicName(typeof(MassTransit.Fault<Aro.Contracts.ValidateNetwork>)));
    }

    [Fact]
    public void The_namespace_takes_no_keys()
    {
        var serviceBus = CompiledTemplate.Main.Single("Microsoft.ServiceBus/namespaces");

        Assert.True((bool)serviceBus.Json["properties"]!["disableLocalAuth"]!);
    }

    /// <summary>The topics variable as it should read, to paste into the template when the code's topology changes.</summary>
    private static string BicepTopics() => string.Join("\n", ServiceBusTopology.Rp.Topics.Select(topic =>
        $"  {{ name: '{topic.Name}', subscribers: [{string.Join(", ", topic.Subscriptions.Select(s => $"'{s.Name}'"))}] }}"));
}
