using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.KubeConfigModels;

namespace Aro.Consumers.Tests.Credentials;

/// <summary>Reads a kubeconfig the way clients do: KubernetesClient over a file.</summary>
internal static class Kubeconfigs
{
    public static (K8SConfiguration Raw, KubernetesClientConfiguration Client) Load(string kubeconfig)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aro-kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, kubeconfig);
        try
        {
            var file = new FileInfo(path);
            return (KubernetesClientConfiguration.LoadKubeConfig(file), KubernetesClientConfiguration.BuildConfigFromConfigFile(file));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The client certificate with its key, from the data KubernetesClient read.</summary>
    public static X509Certificate2 ClientCertificate(KubernetesClientConfiguration client) =>
        X509Certificate2.CreateFromPem(Decode(client.ClientCertificateData), Decode(client.ClientCertificateKeyData));

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
