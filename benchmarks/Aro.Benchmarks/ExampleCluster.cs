using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Versioning;
using Aro.Persistence.Documents;

namespace Aro.Benchmarks;

/// <summary>
/// The README's example PUT body (examples/cluster-v20200430.json) with its placeholders filled in, and the
/// cluster documents made from it: as the frontend first stores it, and as the backend leaves it once it has
/// issued the PKI and credentials (the document carrying the most secrets).
/// </summary>
internal static class ExampleCluster
{
    public const string SubscriptionId = "4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70";
    public const string Name = "mycluster";
    public const string Location = "eastus";
    public const string ResourceId = $"/subscriptions/{SubscriptionId}/resourceGroups/{Name}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{Name}";

    private static readonly string Template = LoadTemplate();

    public static byte[] RequestBody { get; } = RequestBodyFor(Name);

    public static StaticValidationContext CreateContext { get; } = new(ResourceId, Location, Existing: null);

    /// <summary>The body read by the 2020-04-30 api-version, as the frontend does on a create.</summary>
    public static OpenShiftCluster Read() =>
        new Api.V20200430.OpenShiftClusterApi().ReadRequest(JsonNode.Parse(RequestBody)!, CreateContext);

    public static OpenShiftClusterDocument NewDocument(string id) => new()
    {
        Id = id,
        PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
        AsyncOperationId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        LastProgressAt = DateTimeOffset.UnixEpoch,
        OpenShiftCluster = Read(),
    };

    /// <summary>A stored cluster after provisioning: real CA, server and client certificates and keys, a password and a kubeconfig.</summary>
    public static OpenShiftClusterDocument ProvisionedDocument()
    {
        var document = NewDocument(OpenShiftClusterDocument.KeyFor(ResourceId));
        var (caPem, caKeyPem) = SelfSigned("root-ca");
        var (serverPem, serverKeyPem) = SelfSigned($"api.{Name}.aro.localhost");
        var (clientPem, clientKeyPem) = SelfSigned("system:admin");
        var properties = document.OpenShiftCluster.Properties;
        properties.Pki = new ClusterPki
        {
            RootCaCertificatePem = caPem,
            RootCaKeyPem = caKeyPem,
            ApiServerCertificatePem = serverPem,
            ApiServerKeyPem = serverKeyPem,
            AdminClientCertificatePem = clientPem,
            AdminClientKeyPem = clientKeyPem,
        };
        properties.Credentials = new ClusterCredentials
        {
            KubeadminPassword = "aB3dE-fG5hI-jK7lM-nO9pQ",
            AdminKubeconfig = Kubeconfig(caPem, clientPem, clientKeyPem),
        };
        return document;
    }

    /// <summary>The same document with every secret left out: what storing it would cost if nothing had to be sealed.</summary>
    public static OpenShiftClusterDocument WithoutSecrets(OpenShiftClusterDocument document)
    {
        var properties = document.OpenShiftCluster.Properties;
        properties.ClusterProfile.PullSecret = null;
        properties.ServicePrincipalProfile.ClientSecret = null;
        properties.Pki!.RootCaKeyPem = null;
        properties.Pki.ApiServerKeyPem = null;
        properties.Pki.AdminClientKeyPem = null;
        properties.Credentials!.KubeadminPassword = null;
        properties.Credentials.AdminKubeconfig = null;
        return document;
    }

    /// <summary>The example body for a cluster named <paramref name="cluster"/> (its vnet, resource group and domain follow the name).</summary>
    public static byte[] RequestBodyFor(string cluster) =>
        Encoding.UTF8.GetBytes(Template
            .Replace("{subscriptionId}", SubscriptionId, StringComparison.Ordinal)
            .Replace("{cluster}", cluster, StringComparison.Ordinal)
            .Replace("{location}", Location, StringComparison.Ordinal)
            .Replace("{clientId}", "2f9e1c4b-8a7d-4e6f-9b0a-1c2d3e4f5a6b", StringComparison.Ordinal)
            .Replace("{clientSecret}", "local-client-secret", StringComparison.Ordinal));

    /// <summary>The resource id of the cluster named <paramref name="cluster"/> in <see cref="SubscriptionId"/>, as the example body places it.</summary>
    public static string ResourceIdFor(string cluster) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{cluster}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{cluster}";

    private static string LoadTemplate()
    {
        using var stream = typeof(ExampleCluster).Assembly.GetManifestResourceStream("cluster-v20200430.json")
            ?? throw new InvalidOperationException("The example body is not embedded in the benchmark assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static (string CertificatePem, string KeyPem) SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(10));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static string Kubeconfig(string caPem, string clientPem, string clientKeyPem) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {Name}
          cluster:
            server: https://api.{Name}.aro.localhost:6443
            certificate-authority-data: {Base64(caPem)}
        users:
        - name: system:admin
          user:
            client-certificate-data: {Base64(clientPem)}
            client-key-data: {Base64(clientKeyPem)}
        contexts:
        - name: system:admin
          context:
            cluster: {Name}
            user: system:admin
        current-context: system:admin
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
