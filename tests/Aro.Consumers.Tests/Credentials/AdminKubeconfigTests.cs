using System.Security.Cryptography.X509Certificates;
using Aro.Consumers.Credentials;
using Aro.Consumers.Pki;
using Aro.Consumers.Tests.Pki;

namespace Aro.Consumers.Tests.Credentials;

public sealed class AdminKubeconfigTests
{
    private static readonly Api.Model.ClusterPki Pki = new ClusterPkiIssuer(TimeProvider.System).Issue(TestClusters.Domain);

    [Fact]
    public void KubernetesClient_reads_it_and_its_client_certificate_chains_to_the_cluster_CA()
    {
        var kubeconfig = AdminKubeconfig.Build("my-cluster", new Uri("https://api.mycluster.aro.localhost:6443/"), Pki);

        var (raw, client) = Kubeconfigs.Load(kubeconfig);

        Assert.Equal(("v1", "Config", "admin"), (raw.ApiVersion, raw.Kind, raw.CurrentContext));
        Assert.Equal("my-cluster", raw.Clusters.Single().Name);
        Assert.Equal("https://api.mycluster.aro.localhost:6443", raw.Clusters.Single().ClusterEndpoint.Server);
        Assert.Equal(("my-cluster", "admin"), (raw.Contexts.Single().ContextDetails.Cluster, raw.Contexts.Single().ContextDetails.User));
        Assert.Equal("https://api.mycluster.aro.localhost:6443", client.Host);
        using var ca = X509Certificate2.CreateFromPem(Pki.RootCaCertificatePem);
        Assert.Equal(ca.Thumbprint, Assert.Single(client.SslCaCerts).Thumbprint);
        using var admin = Kubeconfigs.ClientCertificate(client);
        Assert.True(admin.HasPrivateKey);
        Assert.Equal("system:admin", admin.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal("", Certificates.ChainProblems(admin, ca, Certificates.ClientAuthentication));
    }

    [Fact]
    public void Names_that_need_quoting_survive()
    {
        var kubeconfig = AdminKubeconfig.Build("we\"ird: #name", new Uri("https://localhost:8444/_kubernetes/aro-x"), Pki);

        var (raw, client) = Kubeconfigs.Load(kubeconfig);

        Assert.Equal("we\"ird: #name", raw.Clusters.Single().Name);
        Assert.Equal("https://localhost:8444/_kubernetes/aro-x", client.Host);
    }
}
