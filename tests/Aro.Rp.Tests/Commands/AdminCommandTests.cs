using System.Security.Cryptography.X509Certificates;
using System.Text;
using Aro.Api;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Aro.Rp.Commands;
using Aro.Rp.Tests.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Commands;

/// <summary><c>aro-rp admin kubeconfig</c> against the production RP over real TLS, with the admin client certificate from PEM files.</summary>
public sealed class AdminCommandTests(ProductionRpFixture fixture) : IClassFixture<ProductionRpFixture>, IDisposable
{
    private const string SubscriptionId = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    private const string Kubeconfig = "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: https://api.c.example:6443}}]\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("aro-admin-command-").FullName;

    [Fact]
    public async Task The_kubeconfig_is_written_decoded_to_the_output_file_readable_by_the_owner_only()
    {
        var id = await StoreClusterAsync("to-file");
        var output = Path.Combine(_directory, "admin.kubeconfig");
        var error = new StringWriter();

        var exitCode = await AdminCommand.KubeconfigAsync(Settings(fixture.Certificates.Admin), id, output, Stream.Null, error, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(Kubeconfig, await File.ReadAllTextAsync(output));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        }
    }

    [Fact]
    public async Task Without_output_the_kubeconfig_goes_to_standard_output()
    {
        var id = await StoreClusterAsync("to-stdout");
        using var standardOutput = new MemoryStream();

        var exitCode = await AdminCommand.KubeconfigAsync(Settings(fixture.Certificates.Admin), id, null, standardOutput, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(Kubeconfig, Encoding.UTF8.GetString(standardOutput.ToArray()));
    }

    [Fact]
    public async Task A_certificate_the_admin_CA_did_not_issue_is_refused_in_one_line_with_the_status()
    {
        var id = await StoreClusterAsync("refused");
        var error = new StringWriter();

        var exitCode = await AdminCommand.KubeconfigAsync(Settings(fixture.Certificates.SelfSigned), id, null, Stream.Null, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aro-rp: the admin API at ", line, StringComparison.Ordinal);
        Assert.Contains("403", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_client_certificate_settings_are_one_line_naming_the_variables()
    {
        var error = new StringWriter();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AdminClient:Url"] = fixture.Rp.BaseAddress.ToString() }).Build();

        var exitCode = await AdminCommand.KubeconfigAsync(settings, ClusterId("none"), null, Stream.Null, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("ARO_ADMIN_CLIENT_CERTIFICATE_FILE and ARO_ADMIN_CLIENT_KEY_FILE", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string ClusterId(string name) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/rg-{name}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";

    /// <summary>The operator's settings: the RP's URL, the client certificate and key as PEM files, the RP's serving certificate pinned.</summary>
    private IConfiguration Settings(X509Certificate2 clientCertificate)
    {
        var certificatePath = Path.Combine(_directory, "client.crt");
        var keyPath = Path.Combine(_directory, "client.key");
        var servingPath = Path.Combine(_directory, "serving.crt");
        File.WriteAllText(certificatePath, clientCertificate.ExportCertificatePem());
        File.WriteAllText(keyPath, clientCertificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(servingPath, fixture.Rp.ServingCertificate.ExportCertificatePem());
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AdminClient:Url"] = fixture.Rp.BaseAddress.ToString(),
            ["AdminClient:CertificateFile"] = certificatePath,
            ["AdminClient:KeyFile"] = keyPath,
            ["AdminClient:ServerCertificateFile"] = servingPath,
        }).Build();
    }

    private async Task<string> StoreClusterAsync(string name)
    {
        var id = ClusterId(name);
        await fixture.Rp.Services.GetRequiredService<IOpenShiftClusterStore>().CreateAsync(new OpenShiftClusterDocument
        {
            Id = OpenShiftClusterDocument.KeyFor(id),
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = id,
                Name = name,
                Type = ResourceProvider.OpenShiftClusterResourceType,
                Location = "eastus",
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = ProvisioningState.Succeeded,
                    Credentials = new ClusterCredentials { KubeadminPassword = "never-shown", AdminKubeconfig = Kubeconfig },
                },
            },
        }, CancellationToken.None);
        return id;
    }
}
