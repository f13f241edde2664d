using System.Text;
using Aro.Cloud.Kubernetes;
using k8s;

namespace Aro.Cloud.Tests.Kubernetes;

public sealed class UserDataSecretsTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string Namespace = "openshift-machine-api";

    [Fact]
    public async Task The_secret_is_created_left_alone_for_the_same_bytes_and_replaced_for_others()
    {
        var secrets = cloud.Get<IUserDataSecrets>();
        var target = new KubernetesClusterTarget("Cluster-UD");
        using var k8s = cloud.CreateKubernetesClient("cluster-ud");

        await secrets.EnsureAsync(target, UserDataSecrets.WorkerSecretName, "first"u8.ToArray(), CancellationToken.None);
        var created = await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace);
        await secrets.EnsureAsync(target, UserDataSecrets.WorkerSecretName, "first"u8.ToArray(), CancellationToken.None);
        var repeated = await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace);
        await secrets.EnsureAsync(target, UserDataSecrets.WorkerSecretName, "second"u8.ToArray(), CancellationToken.None);
        var replaced = await k8s.CoreV1.ReadNamespacedSecretAsync("worker-user-data", Namespace);

        Assert.Equal("first", Encoding.UTF8.GetString(created.Data[UserDataSecrets.UserDataKey]));
        Assert.Equal(created.Metadata.ResourceVersion, repeated.Metadata.ResourceVersion);
        Assert.Equal((created.Metadata.Uid, "second"), (replaced.Metadata.Uid, Encoding.UTF8.GetString(replaced.Data[UserDataSecrets.UserDataKey])));
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }
}
