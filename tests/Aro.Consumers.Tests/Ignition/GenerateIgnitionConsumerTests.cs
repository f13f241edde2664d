using System.Security.Cryptography.X509Certificates;
using System.Text;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Consumers.Ignition;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.Tests.Pki;
using Aro.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.Ignition;

public sealed class GenerateIgnitionConsumerTests
{
    private readonly InMemoryClusters _documents = new();
    private readonly RecordingIgnitionStore _store = new();

    [Fact]
    public async Task The_command_twice_stores_one_set_of_configs_from_one_CA_and_reports_each_time()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();
        var consumer = harness.GetConsumerHarness<GenerateIgnitionConsumer>();
        var command = Command(TestClusters.ResourceId);

        await harness.Bus.Publish(command);
        Assert.True(await consumer.Consumed.Any<GenerateIgnition>());
        var pki = _documents.Stored(TestClusters.ResourceId)!.Properties.Pki!;
        var redelivery = NewId.NextGuid();
        await harness.Bus.Publish(command, context => context.MessageId = redelivery);
        Assert.True(await consumer.Consumed.Any<GenerateIgnition>(context => context.Context.MessageId == redelivery));

        var stored = _store.Stored.ToArray();
        Assert.Equal(6, stored.Length);
        Assert.Equal([IgnitionRoles.Bootstrap, IgnitionRoles.Master, IgnitionRoles.Worker], stored[..3].Select(config => config.Role));
        Assert.All(stored, config => Assert.Equal(TestClusters.ClusterResourceGroupId, config.ClusterResourceGroupId));
        Assert.All(stored, config => Assert.Equal(InfraId.For(TestClusters.ResourceId), config.InfraId));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(stored[i].Role, stored[i + 3].Role);
            Assert.Equal(stored[i].Config, stored[i + 3].Config);
        }

        var cluster = _documents.Stored(TestClusters.ResourceId)!;
        Assert.Equal(pki.RootCaCertificatePem, cluster.Properties.Pki!.RootCaCertificatePem);
        Assert.Equal(1, _documents.Updates);
        var generated = harness.Published.Select<IgnitionGenerated>().Select(published => published.Context.Message).ToArray();
        Assert.Equal([new IgnitionGenerated(command.ClusterId, command.ResourceId, command.OperationId), new IgnitionGenerated(command.ClusterId, command.ResourceId, command.OperationId)], generated);
        Assert.False(await harness.Published.Any<IgnitionGenerationFailed>());
    }

    [Fact]
    public async Task Every_stored_config_passes_ignition_validate()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<IgnitionGenerated>());
        foreach (var config in _store.Stored)
        {
            await IgnitionValidator.AssertValidAsync(config.Config, config.Role);
        }
    }

    [Fact]
    public async Task A_cluster_that_is_gone_fails_the_step_with_ResourceNotFound()
    {
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();
        var command = Command(TestClusters.ResourceId);

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<IgnitionGenerationFailed>());
        var failed = harness.Published.Select<IgnitionGenerationFailed>().Single().Context.Message;
        Assert.Equal((command.ClusterId, command.ResourceId, command.OperationId), (failed.ClusterId, failed.ResourceId, failed.OperationId));
        Assert.Equal(CloudErrorCodes.ResourceNotFound, failed.Code);
        Assert.Equal(TestClusters.ResourceId, failed.Target);
        Assert.Contains(TestClusters.ResourceId, failed.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Stored);
        Assert.False(await harness.Published.Any<IgnitionGenerated>());
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_stores_nothing_and_reports_nothing()
    {
        _documents.Put(TestClusters.New(), "op-delete");
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.GetConsumerHarness<GenerateIgnitionConsumer>().Consumed.Any<GenerateIgnition>());
        Assert.Empty(harness.Published.Select(message => message.MessageObject is not GenerateIgnition));
        Assert.Empty(_store.Stored);
        Assert.Equal(0, _documents.Updates);
        Assert.Null(_documents.Stored(TestClusters.ResourceId)!.Properties.Pki);
    }

    [Fact]
    public async Task An_invalid_pull_secret_fails_the_step_without_revealing_it_or_minting_a_CA()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.PullSecret = "{\"auths\": \"s3cret-but-not-json-object\"}";
        _documents.Put(cluster);
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<IgnitionGenerationFailed>());
        var failed = harness.Published.Select<IgnitionGenerationFailed>().Single().Context.Message;
        Assert.Equal(CloudErrorCodes.InvalidParameter, failed.Code);
        Assert.Equal("properties.clusterProfile.pullSecret", failed.Target);
        Assert.DoesNotContain("s3cret", failed.Message, StringComparison.Ordinal);
        Assert.Null(_documents.Stored(TestClusters.ResourceId)!.Properties.Pki);
        Assert.Empty(_store.Stored);
    }

    [Fact]
    public async Task An_invalid_domain_fails_the_step_with_its_target()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "";
        _documents.Put(cluster);
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<IgnitionGenerationFailed>());
        var failed = harness.Published.Select<IgnitionGenerationFailed>().Single().Context.Message;
        Assert.Equal((CloudErrorCodes.InvalidParameter, "properties.clusterProfile.domain"), (failed.Code, failed.Target));
    }

    [Fact]
    public async Task A_managed_domain_is_completed_with_the_RPs_zone_in_certificates_and_configs()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "mycluster";
        _documents.Put(cluster);
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<IgnitionGenerated>());
        using var server = X509Certificate2.CreateFromPem(_documents.Stored(TestClusters.ResourceId)!.Properties.Pki!.ApiServerCertificatePem);
        Assert.True(server.MatchesHostname("api.mycluster." + TestClusters.RpZone));
        var master = _store.Stored.Single(config => config.Role == IgnitionRoles.Master);
        Assert.Contains($"https://api-int.mycluster.{TestClusters.RpZone}:22623/config/master", Encoding.UTF8.GetString(master.Config), StringComparison.Ordinal);
    }

    private static GenerateIgnition Command(string resourceId) =>
        new(ClusterIdentity.FromResourceId(resourceId), resourceId, "op-1");

    private ServiceProvider Provider() => IgnitionAndCredentialsHost.Build<GenerateIgnitionConsumer, GenerateIgnitionConsumerDefinition>(
        _documents,
        services => services.AddSingleton<IIgnitionStore>(_store));
}
