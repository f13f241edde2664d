using Aro.Cloud;
using Aro.Cloud.Compute;
using Aro.Consumers.Clusters;
using Aro.Consumers.Dns;
using Aro.Consumers.Ignition;
using Aro.Consumers.Network;
using Aro.Consumers.Scale;
using Aro.Consumers.ServicePrincipals;
using Aro.Consumers.Teardown;
using Aro.Consumers.Tests.ServicePrincipals;
using Aro.Consumers.VirtualMachines;
using Aro.LocalCloud;
using Aro.Testing.LocalCloud;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Consumers.Tests.Network;

/// <summary>
/// One local cloud per test class (port 0); per test a fresh slate, cluster store and bus harness with the
/// network, DNS, VM, scale and teardown consumers wired to the real cloud adapters.
/// </summary>
public sealed class LocalCloudHarness : IAsyncLifetime
{
    public const string DnsResourceGroupId = $"/subscriptions/{ValidCluster.SubscriptionId}/resourceGroups/aro-dns";
    public const string DnsZoneId = $"{DnsResourceGroupId}/providers/Microsoft.Network/dnszones/aro.localhost";

    // The emulator and its helpers; its own adapters go unused, each test builds a provider of its own.
    private readonly LocalCloudFixture _cloud = new();

    public LocalCloudServer Server => _cloud.Server;

    public Task InitializeAsync() => _cloud.InitializeAsync();

    public Task DisposeAsync() => _cloud.DisposeAsync();

    /// <summary>
    /// Empties the cloud and builds a provider whose cluster store holds <paramref name="clusters"/>;
    /// <paramref name="replace"/> may register its own cloud adapters (they take the place of the real ones) or the
    /// subscriptions' tenant (by default every subscription is in <see cref="ValidCluster.TenantId"/>).
    /// </summary>
    public ServiceProvider Start(InMemoryClusters clusters, Action<IServiceCollection>? replace = null)
    {
        Server.Reset();
        var configuration = _cloud.CloudConfiguration(DnsResourceGroupId, machineSetReadyTimeout: TimeSpan.FromSeconds(20));
        var services = new ServiceCollection();
        replace?.Invoke(services);
        services.TryAddSingleton<ISubscriptionTenants>(new FixedSubscriptionTenant(ValidCluster.TenantId));
        return services
            .AddAroCloud(configuration)
            .AddSingleton<IClusterDocuments>(clusters)
            .AddSingleton<ClusterResourceGroup>()
            .AddSingleton<IIgnitionStore, BlobIgnitionStore>()
            .AddSingleton<IServicePrincipalValidator, ServicePrincipalValidator>()
            .AddSingleton<INetworkValidator, NetworkValidator>()
            .AddSingleton<IClusterDns, ClusterDns>()
            .AddSingleton<IVirtualMachineProvisioner, VirtualMachineProvisioner>()
            .AddSingleton<IWorkerScaler, WorkerScaler>()
            .AddSingleton<IClusterTeardown, ClusterTeardown>()
            .AddMassTransitTestHarness(bus =>
            {
                // A bound on waiting, not a timing assertion: a busy two-core machine can pass the default 30 s.
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(2), testInactivityTimeout: ConsumerTestTimeouts.Inactivity);
                bus.AddConsumer<ValidateNetworkConsumer, ValidateNetworkConsumerDefinition>();
                bus.AddConsumer<ConfigureDnsConsumer, ConfigureDnsConsumerDefinition>();
                bus.AddConsumer<ProvisionVirtualMachinesConsumer, ProvisionVirtualMachinesConsumerDefinition>();
                bus.AddConsumer<ScaleWorkersConsumer, ScaleWorkersConsumerDefinition>();
                bus.AddConsumer<TearDownClusterConsumer, TearDownClusterConsumerDefinition>();
            })
            .BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The customer's vnet of <see cref="ValidCluster"/>: master 10.0.0.0/23 and worker 10.0.2.0/23, or the subnets given.</summary>
    public static async Task CreateVirtualNetworkAsync(IServiceProvider services, params (string Name, string Prefix, string? NsgId)[] subnets)
    {
        if (subnets.Length == 0)
        {
            subnets = [("master", ValidCluster.MasterCidr, null), ("worker", ValidCluster.WorkerCidr, null)];
        }

        await LocalCloudFixture.CreateVirtualNetworkAsync(services, ValidCluster.VnetId, ValidCluster.Location, "10.0.0.0/16", subnets);
    }

    /// <summary>
    /// What the Ignition step leaves for the machines step: the bootstrap config in the cluster's storage account (the
    /// bootstrap VM's custom data points at it through a SAS URL). <paramref name="config"/> defaults to an empty config.
    /// </summary>
    public static async Task StoreBootstrapConfigAsync(IServiceProvider services, byte[]? config = null)
    {
        var infraId = Aro.Api.Resources.InfraId.For(ValidCluster.ResourceId);
        await services.GetRequiredService<IIgnitionStore>().StoreAsync(
            ValidCluster.ResourceId, ValidCluster.ClusterResourceGroupId, ValidCluster.Location, infraId, [(IgnitionRoles.Bootstrap, config ?? """{"ignition":{"version":"3.2.0"}}"""u8.ToArray())], CancellationToken.None);
    }

    /// <summary>A client of the simulated cluster's Kubernetes API, keyed by its cluster resource group name.</summary>
    public k8s.Kubernetes CreateKubernetesClient(string clusterResourceGroupName) => _cloud.CreateKubernetesClient(clusterResourceGroupName.ToLowerInvariant());

    /// <summary>The names, in order, of one resource type in a group, straight from the emulator's ARM list endpoint.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string resourceGroupId, string resourceType) =>
        (await _cloud.ListResourcesAsync(resourceGroupId, resourceType, ArmApiVersions.Network))
            .Select(r => r["name"]?.GetValue<string>()).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static async Task<IReadOnlyList<string>> VirtualMachinesAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IVirtualMachines>().ListAsync(ValidCluster.ClusterResourceGroupId, CancellationToken.None))
            .Select(vm => vm.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Publishes <paramref name="command"/>, waits until <typeparamref name="TConsumer"/> consumed it and returns
    /// what it published in answer (the consumer's outcomes carry the command's conversation id).
    /// </summary>
    public static async Task<IReadOnlyList<object>> RunToEndAsync<TConsumer, TCommand>(ITestHarness harness, TCommand command)
        where TConsumer : class, IConsumer
        where TCommand : class
    {
        var conversationId = NewId.NextGuid();
        AssertStillActive(harness);
        await harness.Bus.Publish(command, context => context.ConversationId = conversationId);
        Assert.True(await harness.GetConsumerHarness<TConsumer>().Consumed.Any<TCommand>(m => m.Context.ConversationId == conversationId), $"{typeof(TConsumer).Name} did not consume {typeof(TCommand).Name}.");
        return harness.Published.Select(m => m.Context.ConversationId == conversationId && m.MessageObject is not TCommand).Select(m => m.MessageObject).ToArray();
    }

    /// <summary>Publishes <paramref name="command"/> and returns the outcome its consumer published.</summary>
    public static async Task<object> RunAsync<TCommand>(ITestHarness harness, TCommand command)
        where TCommand : class
    {
        // The consumer's outcome carries the command's conversation id.
        var conversationId = NewId.NextGuid();
        AssertStillActive(harness);
        await harness.Bus.Publish(command, context => context.ConversationId = conversationId);
        bool IsOutcome(IPublishedMessage m) => m.Context.ConversationId == conversationId && m.MessageObject is not TCommand;
        Assert.True(await harness.Published.Any(IsOutcome), $"Nothing was published in answer to {typeof(TCommand).Name}.");
        return harness.Published.Select(IsOutcome).First().MessageObject;
    }

    // Once the bus has been idle for the harness's inactivity timeout every wait answers at once with what it has, so
    // a command published after slow set-up would look unanswered: say so rather than fail as if the consumer had not answered.
    private static void AssertStillActive(ITestHarness harness) =>
        Assert.False(harness.InactivityToken.IsCancellationRequested, "The test harness went idle before the command was published: set the cloud up before StartTestHarness.");
}
