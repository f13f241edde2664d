using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aro.Api.Resources;

namespace Aro.Rp.Operators;

/// <summary>
/// The RP's admin API as an operator calls it (section <c>AdminClient</c>): ARO_ADMIN_URL, the admin client certificate
/// and key (ARO_ADMIN_CLIENT_CERTIFICATE_FILE / ARO_ADMIN_CLIENT_KEY_FILE, PEM), and the RP's serving certificate when
/// it is not publicly trusted (ARO_ADMIN_SERVER_CERTIFICATE_FILE: exactly that certificate is accepted).
/// </summary>
internal sealed class AdminApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly X509Certificate2 _clientCertificate;

    private AdminApiClient(HttpClient http, X509Certificate2 clientCertificate)
    {
        _http = http;
        _clientCertificate = clientCertificate;
    }

    public static AdminApiClient Create(IConfiguration configuration)
    {
        var url = configuration["AdminClient:Url"] ?? "https://localhost:8443/";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme != Uri.UriSchemeHttps)
        {
            throw new OperatorCommandException($"ARO_ADMIN_URL={url} is not an https:// URL of the RP.");
        }

        var certificateFile = configuration["AdminClient:CertificateFile"];
        var keyFile = configuration["AdminClient:KeyFile"];
        if (string.IsNullOrWhiteSpace(certificateFile) || string.IsNullOrWhiteSpace(keyFile))
        {
            throw new OperatorCommandException("ARO_ADMIN_CLIENT_CERTIFICATE_FILE and ARO_ADMIN_CLIENT_KEY_FILE must name the admin client certificate and its key (PEM).");
        }

        var clientCertificate = Load("ARO_ADMIN_CLIENT_CERTIFICATE_FILE / ARO_ADMIN_CLIENT_KEY_FILE", () => X509Certificate2.CreateFromPemFile(certificateFile, keyFile));
        var serverCertificateFile = configuration["AdminClient:ServerCertificateFile"];
        var pinned = string.IsNullOrWhiteSpace(serverCertificateFile)
            ? null
            : Load("ARO_ADMIN_SERVER_CERTIFICATE_FILE", () => LoadPemOrDer(serverCertificateFile));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [clientCertificate],
                // The RP asks for any certificate without naming issuers; send the admin one regardless.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    pinned is null ? errors == SslPolicyErrors.None : certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData),
            },
        };
        return new AdminApiClient(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) }, clientCertificate);
    }

    /// <summary>The cluster's admin kubeconfig, as listAdminCredentials returns it (base64) decoded.</summary>
    public async Task<byte[]> ListAdminKubeconfigAsync(string resourceId, CancellationToken cancellationToken)
    {
        if (!ResourceId.TryParse(resourceId, out var parsed) || parsed.ResourceType is null
            || !string.Equals(parsed.ResourceType, ResourceProvider.OpenShiftClusterResourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new OperatorCommandException(
                $"'{resourceId}' is not a cluster resource id (/subscriptions/<id>/resourceGroups/<group>/providers/{ResourceProvider.Namespace}/{ResourceProvider.OpenShiftClustersType}/<name>).");
        }

        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.PostAsync($"admin{parsed.Id}/listAdminCredentials", content: null, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new OperatorCommandException($"the admin API at {_http.BaseAddress} could not be reached ({OperatorCommand.FirstLine(e.Message)}). Check ARO_ADMIN_URL and ARO_ADMIN_SERVER_CERTIFICATE_FILE.");
        }

        using var _ = response;
        if (!response.IsSuccessStatusCode)
        {
            throw new OperatorCommandException($"the admin API at {_http.BaseAddress} answered {(int)response.StatusCode} {response.StatusCode}: {ErrorMessage(body)}");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return Convert.FromBase64String(json.RootElement.GetProperty("kubeconfig").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new OperatorCommandException($"the admin API at {_http.BaseAddress} answered without a base64 kubeconfig ({e.Message}).");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _clientCertificate.Dispose();
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message)
                ? message.GetString() ?? body
                : body;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? "(no body)" : body;
        }
    }

    private static X509Certificate2 LoadPemOrDer(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().StartsWith("-----"u8)
            ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
            : X509CertificateLoader.LoadCertificate(bytes);
    }

    private static X509Certificate2 Load(string settings, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new OperatorCommandException($"{settings}: {OperatorCommand.FirstLine(e.Message)}");
        }
    }
}
