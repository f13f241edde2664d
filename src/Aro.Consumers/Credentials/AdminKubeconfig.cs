using System.Text;
using System.Text.Json;
using Aro.Api.Model;

namespace Aro.Consumers.Credentials;

/// <summary>
/// The cluster's admin kubeconfig, shaped like the installer's: one cluster trusting the root CA, the
/// <c>admin</c> user authenticating with the system:admin client certificate, and one context.
/// </summary>
internal static class AdminKubeconfig
{
    public const string UserName = "admin";
    public const string ContextName = "admin";

    public static string Build(string clusterName, Uri server, ClusterPki pki)
    {
        var clientKey = pki.AdminClientKeyPem;
        if (string.IsNullOrEmpty(pki.AdminClientCertificatePem) || string.IsNullOrEmpty(clientKey))
        {
            throw new InvalidOperationException("The cluster's PKI has no admin client certificate.");
        }

        // Base64 needs no quoting in YAML; names and the server are written as JSON strings, which YAML reads as double-quoted scalars.
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{Quote(clusterName)}}
              cluster:
                server: {{Quote(server.AbsoluteUri.TrimEnd('/'))}}
                certificate-authority-data: {{Base64(pki.RootCaCertificatePem)}}
            users:
            - name: {{UserName}}
              user:
                client-certificate-data: {{Base64(pki.AdminClientCertificatePem)}}
                client-key-data: {{Base64(clientKey)}}
            contexts:
            - name: {{ContextName}}
              context:
                cluster: {{Quote(clusterName)}}
                user: {{UserName}}
            current-context: {{ContextName}}
            preferences: {}

            """;
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
}
