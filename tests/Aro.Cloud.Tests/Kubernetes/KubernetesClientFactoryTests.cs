using Aro.Cloud;
using Aro.Cloud.Kubernetes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Cloud.Tests.Kubernetes;

public sealed class KubernetesClientFactoryTests
{
    private static readonly CloudOptions Local = new()
    {
        ArmEndpoint = new Uri("https://localhost:8444"),
        KubernetesEndpoint = "{arm}/_kubernetes/{clusterResourceGroup}",
    };

    [Fact]
    public void One_client_per_cluster_is_shared()
    {
        using var factory = new KubernetesClientFactory(Options.Create(Local), new FakeTimeProvider());

        var first = factory.For(new KubernetesClusterTarget("aro-a"));

        Assert.Same(first, factory.For(new KubernetesClusterTarget("aro-a")));
        Assert.NotSame(first, factory.For(new KubernetesClusterTarget("aro-b")));
        Assert.Equal(2, factory.Count);
    }

    [Fact]
    public void Idle_clients_are_disposed_without_another_call()
    {
        var time = new FakeTimeProvider();
        using var factory = new KubernetesClientFactory(Options.Create(Local), time);
        foreach (var cluster in new[] { "aro-a", "aro-b", "aro-c" })
        {
            factory.For(new KubernetesClusterTarget(cluster));
        }

        time.Advance(KubernetesClientFactory.IdleLifetime);
        Assert.Equal(3, factory.Count);

        // After a burst of creates nothing may ask for a client again: the sweep alone must let them go.
        time.Advance(KubernetesClientFactory.IdleLifetime);
        Assert.Equal(0, factory.Count);
    }
}
