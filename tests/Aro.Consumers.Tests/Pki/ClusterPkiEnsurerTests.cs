using System.Security.Cryptography.X509Certificates;
using Aro.Api.Resources;
using Aro.Consumers.Clusters;
using Aro.Consumers.Pki;
using Aro.Consumers.Tests.Credentials;
using Aro.Consumers.Tests.Network;

namespace Aro.Consumers.Tests.Pki;

public sealed class ClusterPkiEnsurerTests
{
    private const string Op = InMemoryClusters.CurrentOperationId;

    private static readonly Uri Server = new("https://api.mycluster.example.com:6443");

    private readonly InMemoryClusters _documents = new();
    private readonly ClusterPkiEnsurer _ensurer;

    public ClusterPkiEnsurerTests()
    {
        _ensurer = new ClusterPkiEnsurer(_documents, new ClusterPkiIssuer(TimeProvider.System), new FixedEndpointResolver(Server));
        _documents.Put(TestClusters.New());
    }

    [Fact]
    public async Task Sets_the_InfraId_derived_from_the_resource_id_and_a_PKI()
    {
        var cluster = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None))?.Cluster;

        Assert.NotNull(cluster);
        Assert.Equal(InfraId.For(TestClusters.ResourceId), cluster.Properties.InfraId);
        Assert.Matches("^mycluster-[a-z0-9]{5}$", cluster.Properties.InfraId);
        Assert.NotNull(cluster.Properties.Pki?.RootCaKeyPem);
        Assert.Equal(cluster.Properties.Pki.RootCaCertificatePem, _documents.Stored(TestClusters.ResourceId)!.Properties.Pki!.RootCaCertificatePem);
    }

    [Fact]
    public async Task Issues_the_admin_credentials_from_the_new_PKI_in_the_same_write()
    {
        var cluster = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None))?.Cluster;

        Assert.Equal(1, _documents.Updates);
        var stored = _documents.Stored(TestClusters.ResourceId)!.Properties;
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", stored.Credentials!.KubeadminPassword);
        var (_, client) = Kubeconfigs.Load(stored.Credentials.AdminKubeconfig!);
        Assert.Equal(Server.AbsoluteUri.TrimEnd('/'), client.Host);
        using var ca = X509Certificate2.CreateFromPem(stored.Pki!.RootCaCertificatePem);
        Assert.Equal(ca.Thumbprint, client.SslCaCerts.Single().Thumbprint);
        Assert.Equal(stored.Credentials.KubeadminPassword, cluster!.Properties.Credentials!.KubeadminPassword);
    }

    [Fact]
    public async Task A_PKI_stored_without_credentials_gets_them_and_keeps_its_CA()
    {
        var first = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None))!.Cluster;
        var olderRp = _documents.Stored(TestClusters.ResourceId)!;
        olderRp.Properties.Credentials = null;
        _documents.Put(olderRp);

        var ensured = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(olderRp), TestClusters.Domain, CancellationToken.None))!.Cluster;

        Assert.Equal(first.Properties.Pki!.RootCaCertificatePem, ensured.Properties.Pki!.RootCaCertificatePem);
        Assert.False(string.IsNullOrEmpty(ensured.Properties.Credentials?.KubeadminPassword));
        Assert.False(string.IsNullOrEmpty(ensured.Properties.Credentials?.AdminKubeconfig));
    }

    [Fact]
    public async Task A_second_run_keeps_the_CA_and_InfraId_without_writing()
    {
        var first = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None))?.Cluster;
        var second = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(_documents.Stored(TestClusters.ResourceId)!), TestClusters.Domain, CancellationToken.None))?.Cluster;

        Assert.Equal(first!.Properties.InfraId, second!.Properties.InfraId);
        Assert.Equal(first.Properties.Pki!.RootCaCertificatePem, second.Properties.Pki!.RootCaCertificatePem);
        Assert.Equal(first.Properties.Pki.RootCaKeyPem, second.Properties.Pki.RootCaKeyPem);
        Assert.Equal(first.Properties.Credentials!.KubeadminPassword, second.Properties.Credentials!.KubeadminPassword);
        Assert.Equal(1, _documents.Updates);
    }

    [Fact]
    public async Task A_run_that_read_before_another_stored_its_PKI_keeps_the_stored_CA()
    {
        var stale = TestClusters.New();
        var winner = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None))?.Cluster;

        var late = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(stale), TestClusters.Domain, CancellationToken.None))?.Cluster;

        Assert.Equal(winner!.Properties.Pki!.RootCaCertificatePem, late!.Properties.Pki!.RootCaCertificatePem);
        Assert.Equal(winner.Properties.Pki.RootCaCertificatePem, _documents.Stored(TestClusters.ResourceId)!.Properties.Pki!.RootCaCertificatePem);
    }

    [Fact]
    public async Task Keeps_an_InfraId_that_is_already_set()
    {
        var cluster = TestClusters.New();
        cluster.Properties.InfraId = "legacy-abcde";
        _documents.Put(cluster);

        var ensured = (await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(cluster), TestClusters.Domain, CancellationToken.None))?.Cluster;

        Assert.Equal("legacy-abcde", ensured!.Properties.InfraId);
        Assert.NotNull(ensured.Properties.Pki);
    }

    [Fact]
    public async Task Writes_nothing_when_another_operation_acts_on_the_cluster()
    {
        _documents.StartOperation(TestClusters.ResourceId, "op-delete");

        var stored = await _ensurer.EnsureAsync(TestClusters.ResourceId, Op, Current(TestClusters.New()), TestClusters.Domain, CancellationToken.None);

        Assert.Equal("op-delete", stored!.OperationId);
        Assert.Null(stored.Cluster.Properties.Pki);
        Assert.Equal(0, _documents.Updates);
    }

    [Fact]
    public async Task Answers_null_when_the_cluster_is_gone()
    {
        Assert.Null(await _ensurer.EnsureAsync(TestClusters.ResourceId + "x", Op, Current(TestClusters.New(TestClusters.ResourceId + "x")), TestClusters.Domain, CancellationToken.None));
    }

    private static StoredCluster Current(Aro.Api.Model.OpenShiftCluster cluster) => new(cluster, Op);
}
