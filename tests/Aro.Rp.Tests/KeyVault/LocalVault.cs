using System.Net.Security;
using Aro.Cloud.Identity;
using Aro.LocalCloud;
using Aro.LocalCloud.Identity;
using Aro.Rp.Hosting;
using Aro.Rp.Tests.Hosting;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.KeyVault;

/// <summary>
/// The local cloud's Key Vault as the operator fills it (an identity with Key Vault Administrator) and the RP's own
/// identity with the roles the test gives it. Sets IDENTITY_ENDPOINT / IDENTITY_HEADER, as App Service does, for as
/// long as it lives: tests using it run in <see cref="EnvironmentVariableCollection"/>.
/// </summary>
internal sealed class LocalVault : IDisposable
{
    public const string Name = "aro-rp";
    public const string Scope = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/" + Name;

    public const string SecretsUser = "Key Vault Secrets User";
    public const string SecretsOfficer = "Key Vault Secrets Officer";
    public const string CertificateUser = "Key Vault Certificate User";

    // Azure.Identity (MSAL) caches managed-identity tokens process-wide by client id, and each local cloud signs with a
    // key of its own: ids unique to this vault keep a token another test's cloud issued from being sent here.
    private readonly string _operatorClientId = "operator-" + Guid.NewGuid().ToString("N");

    private readonly EnvironmentVariableScope _environment;
    private readonly ManagedIdentities _identities;

    public LocalVault(LocalCloudServer cloud, params string[] rpRoles)
    {
        var identities = _identities = cloud.Services.GetRequiredService<ManagedIdentities>();
        identities.Register(_operatorClientId, [new RoleAssignment("Key Vault Administrator", Scope)]);
        identities.Register(RpClientId, [.. rpRoles.Select(role => new RoleAssignment(role, Scope))]);
        _environment = new EnvironmentVariableScope(new Dictionary<string, string?>
        {
            ["IDENTITY_ENDPOINT"] = new Uri(cloud.BaseAddress, "_identity/msi/token").ToString(),
            ["IDENTITY_HEADER"] = identities.Header,
        });
        Uri = new Uri($"https://{Name}.vault.localhost:{cloud.BaseAddress.Port}/");
        var transport = new HttpClientTransport(new SocketsHttpHandler
        {
            ConnectCallback = LoopbackNames.ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        var credential = new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(_operatorClientId)) { Transport = transport });
        Certificates = new CertificateClient(Uri, credential, new CertificateClientOptions { Transport = transport });
        Secrets = new SecretClient(Uri, credential, new SecretClientOptions { Transport = transport });
    }

    public Uri Uri { get; }

    /// <summary>The client id of the RP's identity.</summary>
    public string RpClientId { get; } = "rp-" + Guid.NewGuid().ToString("N");

    /// <summary>The operator's view of the vault.</summary>
    public CertificateClient Certificates { get; }

    public SecretClient Secrets { get; }

    /// <summary>The settings that point the RP at this vault as <see cref="RpClientId"/>.</summary>
    public IReadOnlyDictionary<string, string> RpSettings => new Dictionary<string, string>
    {
        ["Rp:KeyVaultUrl"] = Uri.ToString(),
        ["AzureIdentity:ManagedIdentityClientId"] = RpClientId,
    };

    /// <summary>Imports a fresh serving certificate for localhost as a new version; returns its thumbprint.</summary>
    public async Task<string> ImportServingCertificateAsync()
    {
        var pfx = Security.TestCertificates.ServingCertificatePfx();
        var imported = await Certificates.ImportCertificateAsync(new ImportCertificateOptions(KeyVaultObjectNames.ServingCertificate, pfx));
        return Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(imported.Value.Cer));
    }

    public async Task ImportAdminCaAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 ca) =>
        await Certificates.ImportCertificateAsync(new ImportCertificateOptions(KeyVaultObjectNames.AdminCa,
            ca.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12)));

    /// <summary>Adds a sealing-key version of 256 random bits; returns its version (the key's id).</summary>
    public async Task<string> AddSealingKeyAsync() =>
        (await Secrets.SetSecretAsync(KeyVaultObjectNames.SealingKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))).Value.Properties.Version;

    /// <summary>Takes every role on the vault away from the RP's identity.</summary>
    public void RevokeRpRoles() => _identities.Register(RpClientId, []);

    public void Dispose() => _environment.Dispose();
}
