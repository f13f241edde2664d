using Aro.Api;
using Aro.Cloud;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Aro.Consumers.Tests.Credentials;
using Aro.Consumers.Tests.Network;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Tests.Pki;

public sealed class PkiStepStartTests
{
    private const string Op = InMemoryClusters.CurrentOperationId;

    private static readonly Uri Server = new("https://api.mycluster.example.com:6443");

    private static readonly CloudErrorBody StepCheckFailure = new(CloudErrorCodes.InvalidParameter, "The step's own check failed.", "properties.clusterProfile.pullSecret");

    private readonly InMemoryClusters _documents = new();
    private readonly PkiStepStart _start;

    public PkiStepStartTests()
    {
        var options = new CloudOptions();
        TestClusters.ConfigureCloud(options);
        _start = new PkiStepStart(_documents, new ClusterPkiEnsurer(_documents, new ClusterPkiIssuer(TimeProvider.System), new FixedEndpointResolver(Server)), Options.Create(options));
    }

    [Fact]
    public async Task Carries_on_with_the_cluster_its_PKI_ensured_and_its_checked_domain()
    {
        _documents.Put(TestClusters.New());

        var (ready, outcome) = await _start.StartAsync(TestClusters.ResourceId, Op, isDone: null, check: null, CancellationToken.None);

        Assert.Null(outcome);
        Assert.NotNull(ready);
        Assert.Equal(TestClusters.Domain, ready.Domain.Fqdn);
        Assert.NotNull(ready.Cluster.Properties.InfraId);
        Assert.Equal(ready.Cluster.Properties.Pki!.RootCaCertificatePem, _documents.Stored(TestClusters.ResourceId)!.Properties.Pki!.RootCaCertificatePem);
    }

    [Fact]
    public async Task Work_already_done_ends_the_step_before_the_domain_is_checked_or_anything_written()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "-invalid-";
        _documents.Put(cluster);

        var (ready, outcome) = await _start.StartAsync(TestClusters.ResourceId, Op, isDone: _ => true, check: null, CancellationToken.None);

        Assert.Null(ready);
        Assert.Same(StepOutcome.Done, outcome);
        Assert.Equal(0, _documents.Updates);
    }

    [Fact]
    public async Task The_domain_is_checked_before_the_step_s_own_check()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "-invalid-";
        _documents.Put(cluster);

        var (ready, outcome) = await _start.StartAsync(TestClusters.ResourceId, Op, isDone: null, check: _ => StepCheckFailure, CancellationToken.None);

        Assert.Null(ready);
        Assert.Equal("properties.clusterProfile.domain", outcome?.Error?.Target);
        Assert.Equal(0, _documents.Updates);
    }

    [Fact]
    public async Task The_step_s_own_check_fails_the_step_before_anything_is_written()
    {
        _documents.Put(TestClusters.New());

        var (ready, outcome) = await _start.StartAsync(TestClusters.ResourceId, Op, isDone: null, check: _ => StepCheckFailure, CancellationToken.None);

        Assert.Null(ready);
        Assert.Same(StepCheckFailure, outcome?.Error);
        Assert.Equal(0, _documents.Updates);
    }

    [Fact]
    public async Task Another_operation_acting_on_the_cluster_supersedes_the_step()
    {
        _documents.Put(TestClusters.New(), "op-delete");

        var (ready, outcome) = await _start.StartAsync(TestClusters.ResourceId, Op, isDone: _ => true, check: null, CancellationToken.None);

        Assert.Null(ready);
        Assert.NotNull(outcome?.Supersession);
        Assert.Equal(0, _documents.Updates);
    }
}
