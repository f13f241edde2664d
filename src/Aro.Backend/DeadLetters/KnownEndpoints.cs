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

namespace Aro.Backend.DeadLetters;

/// <summary>
/// The receive endpoints a backend declares, named as the bus names them (kebab case), so operators can look at every
/// error queue without the management plugin. A test checks this against the queues a real backend declares.
/// </summary>
public static class KnownEndpoints
{
    public static IReadOnlyList<string> Names { get; } =
    [
        KebabCaseEndpointNameFormatter.Instance.Saga<ClusterLifecycleState>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<ValidateNetworkConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<ConfigureDnsConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<GenerateIgnitionConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<ProvisionVirtualMachinesConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<IssueCredentialsConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<ScaleWorkersConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<TearDownClusterConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<ClusterProjectionConsumer>(),
        StoredMessageScheduler.EndpointName,
    ];
}
