using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Aro.Cloud.Kubernetes;

public sealed class UserDataSecrets(KubernetesClientFactory clients) : IUserDataSecrets
{
    /// <summary>The name the installer gives the workers' Secret, which every worker MachineSet names.</summary>
    public const string WorkerSecretName = "worker-user-data";

    /// <summary>The data key the machine controller reads.</summary>
    public const string UserDataKey = "userData";

    private const string Namespace = "openshift-machine-api";

    // A concurrent attempt of the same step writes the same bytes; a couple of rounds settle any race between the two.
    private const int Attempts = 3;

    public async Task EnsureAsync(KubernetesClusterTarget cluster, string name, byte[] userData, CancellationToken cancellationToken)
    {
        var client = clients.For(cluster);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureOnceAsync(client, name, userData, cancellationToken);
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                // Created or changed by another attempt between our read and our write: read again.
            }
        }
    }

    private static async Task EnsureOnceAsync(IKubernetes client, string name, byte[] userData, CancellationToken cancellationToken)
    {
        V1Secret? current;
        try
        {
            current = await client.CoreV1.ReadNamespacedSecretAsync(name, Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            current = null;
        }

        if (current is null)
        {
            await client.CoreV1.CreateNamespacedSecretAsync(Secret(name, userData, resourceVersion: null), Namespace, cancellationToken: cancellationToken);
            return;
        }

        if (current.Data?.TryGetValue(UserDataKey, out var stored) == true && stored.AsSpan().SequenceEqual(userData))
        {
            return;
        }

        // Replace rather than patch, conditional on what was read, so the Secret holds exactly this user data.
        await client.CoreV1.ReplaceNamespacedSecretAsync(Secret(name, userData, current.Metadata?.ResourceVersion), name, Namespace, cancellationToken: cancellationToken);
    }

    private static V1Secret Secret(string name, byte[] userData, string? resourceVersion) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, ResourceVersion = resourceVersion },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { [UserDataKey] = userData },
    };
}
