using Aro.Consumers.Credentials;
using Aro.Consumers.Dns;
using Aro.Consumers.Ignition;
using Aro.Consumers.Network;
using Aro.Consumers.Projection;
using Aro.Consumers.Scale;
using Aro.Consumers.Teardown;
using Aro.Consumers.VirtualMachines;
using Aro.Messaging.Scheduling;
using Aro.Orchestration;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.Options;

namespace Aro.Backend.ServiceBus;

/// <summary>
/// The RP's Azure Service Bus entities, named by MassTransit's conventions for that broker: a queue per receive endpoint
/// (the kebab-case endpoint name, as on RabbitMQ) with its <c>_error</c> and <c>_skipped</c> queues; a topic per message
/// type an endpoint consumes, named <c>Namespace/TypeName</c>; on it, one subscription per consuming endpoint, named as
/// the endpoint and forwarding into its queue. Infrastructure creates all of them (infra/servicebus.bicep, which a test
/// compares with this description), so the RP's identities only send and receive and never manage entities.
/// </summary>
public sealed class ServiceBusTopology
{
    /// <summary>Service Bus caps subscription names at 50 characters, topic and queue names at 260.</summary>
    public const int MaxSubscriptionNameLength = 50;

    /// <summary>Where a message nobody on an endpoint consumes goes (MassTransit's dead letter for unknown types).</summary>
    public const string SkippedSuffix = "_skipped";

    /// <summary>
    /// MassTransit's Service Bus entity names for message types: namespace and type joined by '/', generic arguments in
    /// "--" (Fault&lt;ValidateNetwork&gt; is MassTransit/Fault--Aro.Contracts/ValidateNetwork--).
    /// </summary>
    private static readonly DefaultMessageNameFormatter MessageNames = new("---", "--", "/", "-");

    private ServiceBusTopology(IReadOnlyList<ServiceBusEndpoint> endpoints)
    {
        Endpoints = endpoints;
        Topics = endpoints
            .SelectMany(endpoint => endpoint.ConsumedMessageTypes.Select(type => (Topic: TopicName(type), Subscriber: endpoint.Name)))
            .GroupBy(binding => binding.Topic, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ServiceBusTopic(
                group.Key,
                [.. group.Select(binding => binding.Subscriber).Distinct().Order(StringComparer.Ordinal)
                    .Select(queue => new ServiceBusSubscription(queue, ForwardTo: queue))]))
            .ToList();
    }

    /// <summary>Every endpoint a backend hosts (the frontend hosts none: it only publishes).</summary>
    public static ServiceBusTopology Rp { get; } = new(
    [
        Saga(new ClusterLifecycleStateMachine(Options.Create(new ClusterLifecycleOptions()))),
        Consumer<ValidateNetworkConsumer>(),
        Consumer<ConfigureDnsConsumer>(),
        Consumer<GenerateIgnitionConsumer>(),
        Consumer<ProvisionVirtualMachinesConsumer>(),
        Consumer<IssueCredentialsConsumer>(),
        Consumer<ScaleWorkersConsumer>(),
        Consumer<TearDownClusterConsumer>(),
        Consumer<ClusterProjectionConsumer>(),
        new ServiceBusEndpoint(StoredMessageScheduler.EndpointName, [typeof(MassTransit.Scheduling.ScheduleMessage), typeof(MassTransit.Scheduling.CancelScheduledMessage)]),
    ]);

    public IReadOnlyList<ServiceBusEndpoint> Endpoints { get; }

    /// <summary>Each endpoint's queue, then its error and skipped queues, in name order.</summary>
    public IReadOnlyList<string> Queues => [.. Endpoints
        .SelectMany(endpoint => new[] { endpoint.Name, endpoint.Name + Aro.Messaging.RabbitMq.DeadLetters.ErrorQueueName.Suffix, endpoint.Name + SkippedSuffix })
        .Order(StringComparer.Ordinal)];

    public IReadOnlyList<ServiceBusTopic> Topics { get; }

    /// <summary>The topic a message of <paramref name="messageType"/> is published to.</summary>
    public static string TopicName(Type messageType) => MessageNames.GetMessageName(messageType).ToString();

    private static ServiceBusEndpoint Consumer<TConsumer>()
        where TConsumer : class, IConsumer =>
        new(KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>(), ConsumedBy(typeof(TConsumer)));

    private static ServiceBusEndpoint Saga<TInstance>(MassTransitStateMachine<TInstance> machine)
        where TInstance : class, SagaStateMachineInstance =>
        new(
            KebabCaseEndpointNameFormatter.Instance.Saga<TInstance>(),
            [.. machine.Events.SelectMany(e => GenericArgumentsOf(e.GetType(), typeof(Event<>))).Distinct()]);

    private static IReadOnlyList<Type> ConsumedBy(Type consumer) => [.. GenericArgumentsOf(consumer, typeof(IConsumer<>))];

    private static IEnumerable<Type> GenericArgumentsOf(Type type, Type openInterface) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)
        .Select(i => i.GetGenericArguments()[0]);
}
