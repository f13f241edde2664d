using Aro.Contracts;
using Aro.Messaging;
using Aro.Messaging.InMemory;
using Aro.Messaging.Scheduling;
using Aro.Persistence;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Orchestration.Tests;

/// <summary>
/// The saga on MassTransit's test harness (in-memory transport) with <see cref="FakeStepConsumer"/> answering its
/// commands. Step timeouts go through the in-memory transport's own scheduler, or, given a data directory, through
/// the store-backed scheduler over SQLite (as on RabbitMQ).
/// </summary>
public sealed class LifecycleHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private LifecycleHarness(ServiceProvider provider, Guid? clusterId, string? resourceId)
    {
        _provider = provider;
        Harness = provider.GetTestHarness();
        Saga = Harness.GetSagaStateMachineHarness<ClusterLifecycleStateMachine, ClusterLifecycleState>();
        Cloud = provider.GetRequiredService<FakeCloud>();
        ClusterId = clusterId ?? Guid.NewGuid();
        ResourceId = resourceId ?? $"/subscriptions/{Guid.NewGuid()}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/cluster";
    }

    public ITestHarness Harness { get; }

    public ISagaStateMachineTestHarness<ClusterLifecycleStateMachine, ClusterLifecycleState> Saga { get; }

    public ClusterLifecycleStateMachine Machine => Saga.StateMachine;

    public FakeCloud Cloud { get; }

    public IServiceProvider Services => _provider;

    public Guid ClusterId { get; }

    public string ResourceId { get; }

    public static async Task<LifecycleHarness> StartAsync(
        Action<ClusterLifecycleOptions>? options = null,
        Action<ISagaRegistrationConfigurator<ClusterLifecycleState>>? repository = null,
        LifecycleHarness? restartOf = null,
        string? storedSchedulerDirectory = null)
    {
        var services = new ServiceCollection();
        if (storedSchedulerDirectory is not null)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = storedSchedulerDirectory })
                .Build();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddAroPersistence(configuration);
            services.AddOptions<MessagingOptions>();
        }

        services.AddSingleton<FakeCloud>();
        services.Configure<ClusterLifecycleOptions>(o => options?.Invoke(o));
        services.AddMassTransitTestHarness(bus =>
        {
            bus.DisableUsageTelemetry();
            // Negative checks wait for a quiet bus. The harness stops every later wait once it has been quiet that
            // long, so the quiet period must outlast a slow machine's pause between a test's own steps.
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(3));
            bus.SetKebabCaseEndpointNameFormatter();
            if (storedSchedulerDirectory is null)
            {
                bus.AddInMemoryMessageScheduler();
            }
            else
            {
                bus.AddStoredMessageSchedulerClient();
                bus.AddStoredMessageScheduler();
            }

            bus.AddAroOrchestration(repository);
            bus.AddConsumer<FakeStepConsumer>();
            bus.AddConsumer<OutcomeRecorder>();
            bus.UsingInMemory((context, transport) =>
            {
                if (storedSchedulerDirectory is null)
                {
                    transport.UseInMemoryMessageScheduler(context);
                }
                else
                {
                    transport.UseStoredMessageScheduler();
                }

                transport.ConfigureEndpoints(context);
            });
        });

        // A restart keeps the cluster's identity; everything in memory (bus, scheduled timeouts) is new.
        var harness = new LifecycleHarness(services.BuildServiceProvider(validateScopes: true), restartOf?.ClusterId, restartOf?.ResourceId);
        foreach (var schema in harness._provider.GetServices<Aro.Persistence.Stores.IStoreSchema>())
        {
            await schema.EnsureCreatedAsync(CancellationToken.None);
        }

        await harness.Harness.Start();
        return harness;
    }

    /// <summary>Creates <paramref name="count"/> clusters of their own at once and waits until every one runs.</summary>
    public async Task CreateManyRunningAsync(int count)
    {
        var creates = Enumerable.Range(0, count).Select(i =>
            Harness.Bus.Publish(new ClusterCreateRequested(Guid.NewGuid(), $"{ResourceId}-{i}", $"op-create-{i}", DateTimeOffset.UtcNow)));
        await Task.WhenAll(creates);
        await Cloud.WaitForAsync<ClusterProvisioningSucceeded>(count);
    }

    public Task CreateAsync(string operationId) =>
        Harness.Bus.Publish(new ClusterCreateRequested(ClusterId, ResourceId, operationId, DateTimeOffset.UtcNow));

    public Task ScaleAsync(string operationId, int workerCount) =>
        Harness.Bus.Publish(new ClusterScaleRequested(ClusterId, ResourceId, operationId, workerCount, DateTimeOffset.UtcNow));

    public Task UpdateAsync(string operationId, int workerCount) =>
        Harness.Bus.Publish(new ClusterUpdateRequested(ClusterId, ResourceId, operationId, workerCount, DateTimeOffset.UtcNow));

    public Task DeleteAsync(string operationId) =>
        Harness.Bus.Publish(new ClusterDeleteRequested(ClusterId, ResourceId, operationId, DateTimeOffset.UtcNow));

    /// <summary>Creates the cluster with every step succeeding and waits until it runs.</summary>
    public async Task CreateRunningAsync(string operationId)
    {
        await CreateAsync(operationId);
        Assert.True(await Harness.Published.Any<ClusterProvisioningSucceeded>(x => x.Context.Message.OperationId == operationId));
        await AssertStateAsync(Machine.Running);
    }

    public async Task AssertStateAsync(State state) =>
        Assert.True((await Saga.Exists(ClusterId, state)).HasValue, $"The saga never reached {state.Name}.");

    /// <summary>Waits until the saga has consumed <paramref name="count"/> messages of a type (filtered by operation).</summary>
    public async Task ConsumedAsync<T>(Func<T, bool> filter, int count = 1)
        where T : class
    {
        var consumed = 0;
        await foreach (var _ in Saga.Consumed.SelectAsync<T>(x => filter(x.Context.Message)))
        {
            if (++consumed == count)
            {
                return;
            }
        }

        Assert.Fail($"The saga consumed {consumed} matching {typeof(T).Name}, not {count}.");
    }

    /// <summary>
    /// Every delivery of a type so far, once the bus has gone quiet: the evidence for "nothing else happened".
    /// The harness stops waiting for anything once it has been quiet, so this belongs at the end of a test.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> DeliveredWhenQuietAsync<T>(Func<T, bool>? filter = null)
        where T : class
    {
        await Harness.InactivityTask;
        return Cloud.Delivered(filter);
    }

    /// <summary>Everything published so far, once the bus has gone quiet; like <see cref="DeliveredWhenQuietAsync"/>, it ends a test.</summary>
    public async Task<IReadOnlyList<IPublishedMessage<T>>> PublishedWhenQuietAsync<T>(Func<T, bool>? filter = null)
        where T : class
    {
        await Harness.InactivityTask;
        return [.. Harness.Published.Select<T>(x => filter?.Invoke(x.Context.Message) ?? true)];
    }

    public async Task<T> PublishedAsync<T>(Func<T, bool> filter)
        where T : class
    {
        Assert.True(await Harness.Published.Any<T>(x => filter(x.Context.Message)), $"Nothing published a matching {typeof(T).Name}.");
        return Harness.Published.Select<T>(x => filter(x.Context.Message)).First().Context.Message;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
