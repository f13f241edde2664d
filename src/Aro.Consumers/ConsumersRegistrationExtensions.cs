using Aro.Cloud;
using Aro.Consumers.Clusters;
using Aro.Consumers.Credentials;
using Aro.Consumers.Dns;
using Aro.Consumers.Ignition;
using Aro.Consumers.Network;
using Aro.Consumers.Projection;
using Aro.Consumers.Scale;
using Aro.Consumers.ServicePrincipals;
using Aro.Consumers.Teardown;
using Aro.Consumers.VirtualMachines;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Consumers;

public static class ConsumersRegistrationExtensions
{
    /// <summary>
    /// Registers every step consumer (each on its own endpoint, with its definition's policy), the projection
    /// consumer and the services behind them. The host provides the store views
    /// (<see cref="Clusters.IClusterDocuments"/>, <see cref="IClusterOperationStore"/>, <see cref="ISubscriptionTenants"/>) and the cloud
    /// (<c>AddAroCloud</c>).
    /// </summary>
    public static IBusRegistrationConfigurator AddAroConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddAroIgnitionAndCredentials();
        bus.TryAddSingleton<ClusterResourceGroup>();
        bus.TryAddSingleton<IIgnitionStore, BlobIgnitionStore>();
        bus.TryAddSingleton<IServicePrincipalValidator, ServicePrincipalValidator>();
        bus.TryAddSingleton<INetworkValidator, NetworkValidator>();
        bus.TryAddSingleton<IClusterDns, ClusterDns>();
        bus.TryAddSingleton<IVirtualMachineProvisioner, VirtualMachineProvisioner>();
        bus.TryAddSingleton<IWorkerScaler, WorkerScaler>();
        bus.TryAddSingleton<IClusterTeardown, ClusterTeardown>();
        bus.TryAddSingleton<ClusterOperationMetrics>();
        bus.TryAddSingleton<CustomerErrorRedaction>();
        bus.TryAddSingleton<ClusterProjection>();

        bus.AddConsumer<ValidateNetworkConsumer, ValidateNetworkConsumerDefinition>();
        bus.AddConsumer<ConfigureDnsConsumer, ConfigureDnsConsumerDefinition>();
        bus.AddConsumer<GenerateIgnitionConsumer, GenerateIgnitionConsumerDefinition>();
        bus.AddConsumer<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachinesConsumerDefinition>();
        bus.AddConsumer<IssueCredentialsConsumer, IssueCredentialsConsumerDefinition>();
        bus.AddConsumer<ScaleWorkersConsumer, ScaleWorkersConsumerDefinition>();
        bus.AddConsumer<TearDownClusterConsumer, TearDownClusterConsumerDefinition>();
        bus.AddConsumer<ClusterProjectionConsumer, ClusterProjectionConsumerDefinition>();
        return bus;
    }
}
