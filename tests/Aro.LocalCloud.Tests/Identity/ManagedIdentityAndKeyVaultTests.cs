using System.Net.Http;
using Aro.LocalCloud.Identity;
using Azure;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.LocalCloud.Tests.Identity;

/// <summary>Azure.Identity's ManagedIdentityCredential and Key Vault's SecretClient, unchanged, against the local cloud.</summary>
[Collection(ManagedIdentityEnvironment.Name)]
public sealed class ManagedIdentityAndKeyVaultTests : IAsyncLifetime
{
    private const string Vault = "https://aro-rp.vault.localhost";
    private const string VaultScope = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/aro-rp";

    private LocalCloudServer _server = null!;
    private ManagedIdentities _identities = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        _identities = _server.Services.GetRequiredService<ManagedIdentities>();
        // ManagedIdentityCredential reads these as it does on App Service; the collection keeps other tests off them.
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(_server.BaseAddress, "_identity/msi/token").ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _identities.Header);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_officer_sets_and_a_user_reads_every_version_of_a_secret()
    {
        _identities.Register("officer", [new RoleAssignment("Key Vault Secrets Officer", VaultScope)]);
        _identities.Register("user", [new RoleAssignment("Key Vault Secrets User", VaultScope)]);

        var officer = SecretClientFor("officer");
        var first = (await officer.SetSecretAsync("rp-secret-sealing-key", "one")).Value;
        await officer.SetSecretAsync("rp-secret-sealing-key", "two");

        var user = SecretClientFor("user");
        Assert.Equal("two", (await user.GetSecretAsync("rp-secret-sealing-key")).Value.Value);
        Assert.Equal("one", (await user.GetSecretAsync("rp-secret-sealing-key", first.Properties.Version)).Value.Value);
        var versions = new List<string>();
        await foreach (var properties in user.GetPropertiesOfSecretVersionsAsync("rp-secret-sealing-key"))
        {
            versions.Add(properties.Version);
        }

        Assert.Equal(2, versions.Count);
        Assert.Contains(first.Properties.Version, versions);
    }

    [Fact]
    public async Task An_officer_updates_the_tags_of_one_version_and_a_user_may_not()
    {
        // Client ids of its own: Azure.Identity caches tokens process-wide by client id, and each test's cloud signs with its own key.
        _identities.Register("tagging-officer", [new RoleAssignment("Key Vault Secrets Officer", VaultScope)]);
        _identities.Register("tagging-user", [new RoleAssignment("Key Vault Secrets User", VaultScope)]);
        var officer = SecretClientFor("tagging-officer");
        var secret = new KeyVaultSecret("rp-secret-sealing-key", "one");
        secret.Properties.Tags["state"] = "started";
        var first = (await officer.SetSecretAsync(secret)).Value;
        await officer.SetSecretAsync("rp-secret-sealing-key", "two");

        first.Properties.Tags["state"] = "finished";
        var updated = (await officer.UpdateSecretPropertiesAsync(first.Properties)).Value;

        Assert.Equal("finished", updated.Tags["state"]);
        var read = (await officer.GetSecretAsync("rp-secret-sealing-key", first.Properties.Version)).Value;
        Assert.Equal("one", read.Value);
        Assert.Equal("finished", read.Properties.Tags["state"]);
        Assert.Equal("two", (await officer.GetSecretAsync("rp-secret-sealing-key")).Value.Value);
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => SecretClientFor("tagging-user").UpdateSecretPropertiesAsync(first.Properties));
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task An_identity_without_a_role_on_the_vault_gets_forbidden_by_rbac()
    {
        _identities.Register("reader-elsewhere", [new RoleAssignment("Key Vault Secrets User", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/other")]);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => SecretClientFor("reader-elsewhere").GetSecretAsync("rp-secret-sealing-key"));

        Assert.Equal(403, failure.Status);
        Assert.Equal("Forbidden", failure.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_identity_gets_no_token()
    {
        var failure = await Assert.ThrowsAnyAsync<AuthenticationFailedException>(() => SecretClientFor("nobody").GetSecretAsync("x"));

        Assert.Contains("nobody", failure.ToString(), StringComparison.Ordinal);
    }

    private SecretClient SecretClientFor(string clientId)
    {
        var transport = new HttpClientTransport(new SocketsHttpHandler
        {
            ConnectCallback = Aro.Cloud.Identity.LoopbackNames.ConnectAsync,
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _server.Certificate.GetCertHashString() },
        });
        var credential = new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(clientId)) { Transport = transport });
        var options = new SecretClientOptions { Transport = transport };
        options.Retry.MaxRetries = 0;
        return new SecretClient(new Uri($"{Vault}:{_server.BaseAddress.Port}/"), credential, options);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedIdentityEnvironment
{
    public const string Name = "Managed identity environment variables";
}
