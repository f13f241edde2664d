using System.Diagnostics.Metrics;
using Aro.Api;
using Aro.Api.Model;
using Aro.Cloud;
using Aro.Cloud.Identity;
using Aro.Consumers.Projection;
using Aro.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Tests.Projection;

public sealed class ClusterProjectionTests : IDisposable
{
    private const string ResourceId = "/subscriptions/4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c";
    private readonly InMemoryClusterOperationStore _store = new();
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogger<ClusterProjection> _log = new();
    private readonly ClusterProjection _projection;

    public ClusterProjectionTests()
    {
        _projection = new ClusterProjection(_store, new ClusterOperationMetrics(MeterFactory), Redaction, TimeProvider.System, _log);
    }

    private const string RpSubscriptionId = "9e2f1a7b-0c3d-4e5f-8a9b-1c2d3e4f5a6b";

    private static CustomerErrorRedaction Redaction { get; } = new(
        Options.Create(new CloudOptions { DnsZoneResourceGroupId = $"/subscriptions/{RpSubscriptionId}/resourceGroups/aro-dns" }),
        Options.Create(new AzureIdentityOptions()));

    private IMeterFactory MeterFactory => _metrics.GetRequiredService<IMeterFactory>();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Success_marks_the_cluster_Succeeded_and_ends_the_operation_at_100_percent()
    {
        Start(ProvisioningState.Creating, "op-1");

        await _projection.SucceededAsync(ResourceId, "op-1", CancellationToken.None);

        Assert.Equal(ProvisioningState.Succeeded, _store.Cluster!.Properties.ProvisioningState);
        var operation = _store.Operations["op-1"];
        Assert.Equal(ProvisioningState.Succeeded, operation.Status);
        Assert.Equal(100, operation.PercentComplete);
        Assert.NotNull(operation.EndTime);
    }

    [Fact]
    public async Task A_failure_reaches_the_customer_without_the_RPs_own_resource_ids()
    {
        Start(ProvisioningState.Creating, "op-1");
        var zone = $"/subscriptions/{RpSubscriptionId}/resourceGroups/aro-dns/providers/Microsoft.Network/dnszones/aro.example";
        var error = new CloudErrorBody("AuthorizationFailed", $"The DNS records could not be configured: no access to '{zone}'.", zone);

        await _projection.FailedAsync(ResourceId, "op-1", error, CancellationToken.None);

        var expected = new CloudErrorBody("AuthorizationFailed", "The DNS records could not be configured: no access to '<internal resource>'.", "<internal resource>");
        Assert.Equal(expected, _store.Cluster!.Properties.LastError);
        Assert.Equal(expected, _store.Operations["op-1"].Error);
    }

    [Fact]
    public async Task Failure_keeps_the_failed_state_and_the_steps_error()
    {
        Start(ProvisioningState.Creating, "op-1");
        var error = new CloudErrorBody("InvalidLinkedVNet", "The provided subnet 'x' could not be found.", "/subscriptions/s/.../subnets/x");

        await _projection.FailedAsync(ResourceId, "op-1", error, CancellationToken.None);
        await _projection.FailedAsync(ResourceId, "op-1", new CloudErrorBody("Other", "redelivered later"), CancellationToken.None);

        var properties = _store.Cluster!.Properties;
        Assert.Equal(ProvisioningState.Failed, properties.ProvisioningState);
        Assert.Equal(ProvisioningState.Creating, properties.FailedProvisioningState);
        Assert.Equal(error, properties.LastError);
        Assert.Equal(ProvisioningState.Failed, _store.Operations["op-1"].Status);
        Assert.Equal(error, _store.Operations["op-1"].Error);
    }

    [Fact]
    public async Task Events_of_an_older_operation_change_nothing_on_the_cluster()
    {
        Start(ProvisioningState.Updating, "op-2");

        await _projection.SucceededAsync(ResourceId, "op-1", CancellationToken.None);
        await _projection.DeletedAsync(ResourceId, "op-1", CancellationToken.None);

        Assert.NotNull(_store.Cluster);
        Assert.Equal(ProvisioningState.Updating, _store.Cluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task Deletion_removes_the_document_and_ends_the_operation()
    {
        Start(ProvisioningState.Deleting, "op-3");

        await _projection.DeletedAsync(ResourceId, "op-3", CancellationToken.None);
        await _projection.DeletedAsync(ResourceId, "op-3", CancellationToken.None);

        Assert.Null(_store.Cluster);
        Assert.Equal(ProvisioningState.Succeeded, _store.Operations["op-3"].Status);
    }

    [Fact]
    public async Task The_consumer_projects_outcomes_from_the_bus()
    {
        Start(ProvisioningState.Creating, "op-1");
        await using var provider = new ServiceCollection()
            .AddSingleton<IClusterOperationStore>(_store)
            .AddSingleton(TimeProvider.System)
            .AddMetrics()
            .AddSingleton<ClusterOperationMetrics>()
            .AddSingleton(Redaction)
            .AddLogging()
            .AddSingleton<ClusterProjection>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(2), testInactivityTimeout: ConsumerTestTimeouts.Inactivity);
                bus.AddConsumer<ClusterProjectionConsumer, ClusterProjectionConsumerDefinition>();
            })
            .BuildServiceProvider(true);
        var harness = await provider.StartTestHarness();
        var clusterId = Guid.NewGuid();

        await harness.Bus.Publish(new ClusterProvisioningSucceeded(clusterId, ResourceId, "op-1"));

        var consumer = harness.GetConsumerHarness<ClusterProjectionConsumer>();
        Assert.True(await consumer.Consumed.Any<ClusterProvisioningSucceeded>());
        var properties = _store.Cluster!.Properties;
        Assert.Equal(ProvisioningState.Succeeded, properties.ProvisioningState);
        Assert.Equal(ProvisioningState.Succeeded, _store.Operations["op-1"].Status);
    }

    [Fact]
    public async Task An_operation_that_ends_is_counted_once_with_its_kind_result_and_error()
    {
        var recorded = new List<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ClusterOperationMetrics.MeterName && instrument.Meter.Scope == MeterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (recorded)
            {
                recorded.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();
        Start(ProvisioningState.Creating, "op-1");
        var error = new CloudErrorBody("InvalidLinkedVNet", "The provided subnet 'x' could not be found.", "x");

        await _projection.FailedAsync(ResourceId, "op-1", error, CancellationToken.None);
        await _projection.FailedAsync(ResourceId, "op-1", error, CancellationToken.None);

        Assert.Equal(["aro.cluster.operation.duration", "aro.cluster.operations"], recorded.Select(r => r.Instrument).Order(StringComparer.Ordinal));
        Assert.All(recorded, r => Assert.Equal(
            new Dictionary<string, object?> { ["aro.operation.kind"] = "Creating", ["aro.operation.result"] = "Failed", ["error.type"] = "InvalidLinkedVNet" },
            r.Tags));
    }

    [Theory]
    [InlineData(ProvisioningState.Creating, "create")]
    [InlineData(ProvisioningState.Updating, "update")]
    public async Task A_success_is_logged_once_with_the_operation_kind_and_ids(ProvisioningState startedIn, string kind)
    {
        Start(startedIn, "op-1");

        await _projection.SucceededAsync(ResourceId, "op-1", CancellationToken.None);
        await _projection.SucceededAsync(ResourceId, "op-1", CancellationToken.None);

        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal($"Operation {kind} of {ResourceId} Succeeded (operation op-1)", line.Message);
        AssertFields(line, ("OperationKind", kind), ("ResourceId", ResourceId), ("OperationId", "op-1"));
    }

    [Fact]
    public async Task A_failure_is_logged_once_with_its_error_code_even_when_redelivered()
    {
        Start(ProvisioningState.Updating, "op-2");
        var error = new CloudErrorBody("AuthorizationFailed", "The client has no authorization to write blobs.");

        await _projection.FailedAsync(ResourceId, "op-2", error, CancellationToken.None);
        await _projection.FailedAsync(ResourceId, "op-2", new CloudErrorBody("Other", "redelivered later"), CancellationToken.None);

        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        AssertFields(line, ("OperationKind", "update"), ("ResourceId", ResourceId), ("OperationId", "op-2"), ("ErrorCode", "AuthorizationFailed"),
            ("ErrorMessage", "The client has no authorization to write blobs."));
        Assert.Contains("Failed with AuthorizationFailed", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_is_logged_once_as_a_delete()
    {
        Start(ProvisioningState.Deleting, "op-3");

        await _projection.DeletedAsync(ResourceId, "op-3", CancellationToken.None);
        await _projection.DeletedAsync(ResourceId, "op-3", CancellationToken.None);

        AssertFields(Assert.Single(_log.Collector.GetSnapshot()), ("OperationKind", "delete"), ("OperationId", "op-3"));
    }

    [Fact]
    public async Task Outcomes_of_an_older_operation_log_nothing()
    {
        Start(ProvisioningState.Creating, "op-2");
        _store.Operations["op-1"] = new AsyncOperation { Name = "op-1", Status = ProvisioningState.Failed, StartTime = DateTimeOffset.UtcNow };

        await _projection.SucceededAsync(ResourceId, "op-1", CancellationToken.None);

        Assert.Empty(_log.Collector.GetSnapshot());
    }

    private static void AssertFields(FakeLogRecord line, params (string Name, string Value)[] expected)
    {
        var fields = line.StructuredState!.ToDictionary(field => field.Key, field => field.Value);
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, fields[name]);
        }
    }

    private void Start(ProvisioningState state, string operationId)
    {
        _store.Cluster = new OpenShiftCluster
        {
            Id = ResourceId,
            Properties = new OpenShiftClusterProperties
            {
                ProvisioningState = state,
                IngressProfiles = [new IngressProfile { Name = "default", Visibility = "Public" }],
            },
        };
        _store.CurrentOperationId = operationId;
        _store.Operations[operationId] = new AsyncOperation { Name = operationId, Status = state, StartTime = DateTimeOffset.UtcNow };
    }
}
