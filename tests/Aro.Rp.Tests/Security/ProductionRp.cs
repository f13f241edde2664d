using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Aro.LocalCloud;
using Aro.LocalCloud.Authentication;
using Aro.Rp.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Security;

/// <summary>
/// The all-in-one RP in production mode on a real port with real TLS, so client certificates travel in a real
/// handshake, with the local cloud as its ARM: the RP reads ARM's certificates from the local cloud's metadata endpoint.
/// </summary>
internal sealed class ProductionRp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ProductionRp(WebApplication app, LocalCloudServer cloud, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        Cloud = cloud;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public LocalCloudServer Cloud { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The certificate the RP serves (unless Key Vault supplies another), without its key.</summary>
    public X509Certificate2 ServingCertificate => X509CertificateLoader.LoadCertificate(
        X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dataDirectory, "serving.pfx"), null).RawData);

    public X509Certificate2 ArmCertificate => Cloud.Services.GetRequiredService<ArmClientCertificates>().Current;

    /// <param name="prepareCloud">Runs once the local cloud listens and before the RP starts (to fill its Key Vault); returns more settings.</param>
    public static async Task<ProductionRp> StartAsync(
        TestCertificates certificates,
        IReadOnlyDictionary<string, string>? settings = null,
        Func<LocalCloudServer, Task<IReadOnlyDictionary<string, string>>>? prepareCloud = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("aro-security-").FullName;
        var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        var servingCertificate = Path.Combine(dataDirectory, "serving.pfx");
        await File.WriteAllBytesAsync(servingCertificate, TestCertificates.ServingCertificatePfx());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(servingCertificate, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var adminCa = Path.Combine(dataDirectory, "admin-ca.pem");
        await File.WriteAllTextAsync(adminCa, certificates.AdminCa.ExportCertificatePem());

        var port = FreePort.Next();
        var all = new Dictionary<string, string>
        {
            ["Rp:Mode"] = "production",
            ["Rp:DataDirectory"] = dataDirectory,
            ["Rp:ListenUrl"] = $"https://127.0.0.1:{port}",
            ["Rp:TlsCertificateFile"] = servingCertificate,
            ["Cloud:ArmEndpoint"] = cloud.BaseAddress.ToString(),
            ["Cloud:AllowUntrustedCertificates"] = "true",
            ["Cloud:DnsZoneResourceGroupId"] = "/subscriptions/00000000-0000-0000-0000-00000000a70e/resourceGroups/aro-dns",
            ["Cloud:KubernetesEndpoint"] = "{arm}/_kubernetes/{clusterResourceGroup}",
            ["Cloud:KubernetesPollInterval"] = "00:00:00.100",
            ["Frontend:Location"] = "eastus",
            ["Cloud:Location"] = "eastus",
            ["Cloud:Domain"] = "aro.localhost",
            ["AdminAuthentication:CaCertificateFile"] = adminCa,
            ["AdminAuthentication:ClientCertificateSubject"] = TestCertificates.AdminSubject,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in prepareCloud is null ? new Dictionary<string, string>() : await prepareCloud(cloud))
        {
            all[key] = value;
        }

        var app = RpApplication.Build([.. all.Select(setting => $"--{setting.Key}={setting.Value}")]);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await cloud.DisposeAsync();
            throw;
        }

        return new ProductionRp(app, cloud, dataDirectory, new Uri($"https://127.0.0.1:{port}/"));
    }

    /// <summary>A client presenting <paramref name="certificate"/> (or none) in the handshake, trusting the RP's test serving certificate.</summary>
    public HttpClient Client(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                // Always send the certificate, whatever issuers the server hints at: the test is what the RP does with it.
                LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Waits until the RP has read ARM's certificates (its readiness says so).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = Client(null);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await client.GetAsync("/healthz/ready")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The production RP never became ready.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Cloud.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp directory is cleaned eventually.
        }
    }
}
