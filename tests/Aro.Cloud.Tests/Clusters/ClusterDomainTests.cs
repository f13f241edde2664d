using Aro.Api.Model;
using Aro.Cloud.Clusters;

namespace Aro.Cloud.Tests.Clusters;

public sealed class ClusterDomainTests
{
    [Theory]
    [InlineData("mycluster", "mycluster", "mycluster.aro.localhost", true)]
    [InlineData("mycluster.aro.localhost", "mycluster", "mycluster.aro.localhost", true)]
    [InlineData("cluster.example.com", "cluster.example.com", "cluster.example.com", false)]
    [InlineData("aro.localhost.example.com", "aro.localhost.example.com", "aro.localhost.example.com", false)]
    public void Single_labels_and_names_under_the_rp_zone_are_managed(string configured, string domain, string fqdn, bool managed)
    {
        var cluster = new OpenShiftCluster { Properties = new OpenShiftClusterProperties { ClusterProfile = new ClusterProfile { Domain = configured } } };

        var result = ClusterDomain.For(cluster, new CloudOptions { Domain = "aro.localhost" });

        Assert.Equal(new ClusterDomain(domain, fqdn, managed), result);
        Assert.Equal($"https://api.{fqdn}:6443/", result.ApiServerUrl);
    }
}
