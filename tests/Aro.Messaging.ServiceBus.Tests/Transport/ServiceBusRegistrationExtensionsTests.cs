using System.Text.RegularExpressions;
using Aro.Messaging.ServiceBus.Topology;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>The entry point as the host uses it: options from the container, topology creation on or off.</summary>
public sealed class ServiceBusRegistrationExtensionsTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public async Task The_options_bound_in_the_container_run_the_bus()
    {
        var queue = LocalServiceBusFixture.UniqueName("options-from-container");
        var received = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection();
        services.AddOptions<ServiceBusTransportOptions>().Configure(options =>
        {
            options.ConnectionString = bus.Options.ConnectionString;
            options.AdministrationConnectionString = bus.Options.AdministrationConnectionString;
            options.PrefetchCount = 0;
            options.CreateTopology = true;
        });
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.UsingAroServiceBus((_, cfg) => cfg.ReceiveEndpoint(queue, e => e.Handler<DeleteClusterCommand>(context =>
            {
                received.TrySetResult(context.Message.ClusterId);
                return Task.CompletedTask;
            })));
        });
        await using var provider = services.BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        await control.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            var clusterId = Guid.NewGuid();
            await (await control.GetSendEndpoint(new Uri($"queue:{queue}"))).Send(new DeleteClusterCommand(clusterId));

            Assert.Equal(clusterId, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await control.StopAsync();
        }
    }

    [Fact]
    public async Task Invalid_options_in_the_container_fail_with_the_line_naming_the_variable()
    {
        var services = new ServiceCollection();
        services.AddOptions<ServiceBusTransportOptions>();
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.UsingAroServiceBus();
        });
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IBusControl>());

        Assert.Contains(ServiceBusEnvironmentVariables.Namespace, exception.GetBaseException().Message);
    }

    [Fact]
    public async Task Without_topology_creation_a_missing_queue_stops_the_bus_from_starting_and_names_the_queue()
    {
        var queue = LocalServiceBusFixture.UniqueName("declared-in-infra");

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => TransportBus.StartAsync(
            TransportBus.OptionsFor(bus),
            (_, cfg) => cfg.ReceiveEndpoint(queue, e => e.Handler<DeleteClusterCommand>(_ => Task.CompletedTask)),
            createTopology: false));

        var missing = FindMissingEntity(exception);
        Assert.NotNull(missing);
        Assert.Equal(queue, missing.Entity);
        Assert.False((await bus.Administration.QueueExistsAsync(queue)).Value);
    }

    [Fact]
    public async Task Without_topology_creation_the_bus_needs_no_administration_endpoint_and_creates_no_response_queue()
    {
        // Declared beforehand, as infra would: the endpoint queue, the published type's topic, its forwarding subscription.
        var queue = LocalServiceBusFixture.UniqueName("data-plane-only");
        await new ServiceBusTopologyProvisioner(bus.Administration, bus.Client, bus.Options)
            .EnsureAsync([new EndpointTopology(queue, [typeof(ClusterCreatedForTwoEndpoints)])], create: true, CancellationToken.None);
        var received = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Nothing listens on port 1: any administration call (the entity checks, the response queue) would fail the start.
        var options = TransportBus.OptionsFor(bus, o => o.AdministrationConnectionString = Regex.Replace(o.ConnectionString!, @"sb://([^:;/]+):\d+", "sb://$1:1"));

        await using var dataPlaneOnly = await TransportBus.StartAsync(
            options,
            (_, cfg) => cfg.ReceiveEndpoint(queue, e => e.Handler<ClusterCreatedForTwoEndpoints>(context =>
            {
                received.TrySetResult(context.Message.ClusterId);
                return Task.CompletedTask;
            })),
            createTopology: false);
        var clusterId = Guid.NewGuid();
        await dataPlaneOnly.Control.Publish(new ClusterCreatedForTwoEndpoints(clusterId));

        Assert.Equal(clusterId, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var responseQueue = dataPlaneOnly.Control.Address.AbsolutePath.Trim('/').Split('/')[^1];
        Assert.False((await bus.Administration.QueueExistsAsync(responseQueue)).Value, $"{responseQueue} was created.");
    }

    [Fact]
    public async Task A_bus_started_before_its_namespace_is_up_waits_not_ready_and_receives_once_the_namespace_is_there()
    {
        // A namespace not reachable yet (a new deployment whose role assignments have not propagated fails the same way):
        // the endpoint keeps trying instead of failing for good, and the bus starts once it can.
        var (amqpPort, administrationPort) = (FreePort(), FreePort());
        var options = TransportBus.OptionsFor(bus, o =>
        {
            o.ConnectionString = Regex.Replace(o.ConnectionString!, @"sb://([^:;/]+):\d+", $"sb://$1:{amqpPort}");
            o.AdministrationConnectionString = Regex.Replace(o.AdministrationConnectionString!, @"sb://([^:;/]+):\d+", $"sb://$1:{administrationPort}");
        });
        var queue = LocalServiceBusFixture.UniqueName("namespace-later");
        var received = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var starting = TransportBus.StartAsync(options, (_, cfg) => cfg.ReceiveEndpoint(queue, e => e.Handler<DeleteClusterCommand>(context =>
        {
            received.TrySetResult(context.Message.ClusterId);
            return Task.CompletedTask;
        })));

        // Longer than the SDK's own retries of a refused connection (about 6 s), so the endpoint's first start fails.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var startedWithoutNamespace = starting.IsCompleted;
        await using var server = await Aro.LocalCloud.LocalCloudServer.StartAsync(new Aro.LocalCloud.LocalCloudOptions
        {
            Url = "https://localhost:0",
            ServiceBus = new() { Port = amqpPort, AdministrationPort = administrationPort },
        });
        await using var started = await starting;
        var clusterId = Guid.NewGuid();
        await (await started.QueueAsync(queue)).Send(new DeleteClusterCommand(clusterId));

        Assert.False(startedWithoutNamespace);
        Assert.Equal(clusterId, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static MissingEntityException? FindMissingEntity(Exception? exception) => exception switch
    {
        null => null,
        MissingEntityException missing => missing,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindMissingEntity).FirstOrDefault(found => found is not null),
        _ => FindMissingEntity(exception.InnerException),
    };
}
