using Aro.Contracts;
using Aro.Messaging;
using Aro.Messaging.InMemory;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.Scheduling;
using Aro.Orchestration;
using Aro.Persistence;
using Aro.Persistence.Sagas;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Benchmarks.CreatePipeline;

/// <summary>
/// The RP's create pipeline as messages alone: its bus as <c>AddAroMessaging</c> builds it on the transport the settings
/// name, the lifecycle saga persisted in SQLite, and every step's command answered at once by
/// <see cref="InstantStepConsumer"/> (the cloud left out).
/// </summary>
internal static class CreatePipelineHost
{
    public static async Task<IHost> StartAsync(string dataDirectory, Dictionary<string, string?> transport)
    {
        Directory.CreateDirectory(dataDirectory);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(transport)
        {
            ["Persistence:DataDirectory"] = dataDirectory,
        });
        // The fork's two outcomes race for the saga (a retried optimistic-concurrency conflict, logged as a warning
        // on every create); only errors are news here.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddAroPersistence(builder.Configuration);
        builder.Services.AddSingleton<CreateCompletions>();
        builder.Services.AddAroMessaging(builder.Configuration, [new InMemoryTransport(), new RabbitMqTransport(), new Aro.Messaging.ServiceBus.ServiceBusTransport()], (bus, selected) =>
        {
            bus.AddAroOrchestration(saga => saga.AroRepository());
            if (selected.SchedulesThroughStore)
            {
                bus.AddStoredMessageScheduler();
            }

            bus.AddConsumer<InstantStepConsumer>();
            bus.AddConsumer<CreateSucceededConsumer>();
        });
        var host = builder.Build();
        await host.StartAsync();

        // The bus connects in the background (the RP does not wait for its broker), and a create published before the
        // saga's queue is bound would be dropped by RabbitMQ: wait until every endpoint is ready, then one create makes
        // sure of the topics the pipeline publishes to.
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(2));
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The bus is {health} after two minutes.");
        }

        await CreateAsync(host, 1).WaitAsync(TimeSpan.FromMinutes(2));
        return host;
    }

    /// <summary><paramref name="count"/> creates at once, each from ClusterCreateRequested to its ClusterProvisioningSucceeded.</summary>
    public static async Task CreateAsync(IHost host, int count)
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var completions = host.Services.GetRequiredService<CreateCompletions>();
        var subscription = $"/subscriptions/{Guid.NewGuid()}/resourceGroups/bench/providers/Microsoft.RedHatOpenShift/openShiftClusters/";
        var creates = Enumerable.Range(0, count).Select(async i =>
        {
            var clusterId = Guid.NewGuid();
            var done = completions.Expect(clusterId);
            await bus.Publish(new ClusterCreateRequested(clusterId, subscription + $"cluster-{i}", $"op-{clusterId:N}", DateTimeOffset.UtcNow));
            await done;
        });
        await Task.WhenAll(creates);
    }
}
