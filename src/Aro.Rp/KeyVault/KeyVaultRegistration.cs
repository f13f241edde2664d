using Aro.Cloud;
using Aro.Cloud.Identity;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aro.Rp.KeyVault;

internal static class KeyVaultRegistration
{
    /// <summary>
    /// With ARO_KEYVAULT_URL set: the serving certificate, admin CA and sealing keys come from Key Vault, read with the
    /// process's Azure credential (the one ARM calls use), and the sealing keys replace the file key ring. Call after
    /// AddAroPersistence.
    /// </summary>
    public static IServiceCollection AddAroKeyVault(this IServiceCollection services, IConfiguration configuration)
    {
        if (VaultUri(configuration) is not { } vault)
        {
            return services;
        }

        services.AddKeyVaultSealingKeys(configuration, vault);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new KeyVaultMaterialReader(
            new CertificateClient(vault, provider.GetRequiredService<TokenCredential>(), new CertificateClientOptions { Transport = Transport(provider) }),
            provider.GetRequiredService<KeyVaultSealingKeys>()));
        services.AddSingleton<KeyVaultMaterialRefresher>();
        // First among the hosted services: the web server needs the certificate and the store's initializer the keys.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<KeyVaultMaterialRefresher>()));
        services.Replace(ServiceDescriptor.Singleton<ISecretKeyRing, KeyVaultSecretKeyRing>());
        services.AddHealthChecks().AddCheck<KeyVaultHealthCheck>("key-vault");
        return services;
    }

    /// <summary>The vault ARO_KEYVAULT_URL names, or null when it is unset (or not an absolute URL).</summary>
    public static Uri? VaultUri(IConfiguration configuration) =>
        configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.KeyVaultUrl)}"] is { } url
        && !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var vault) ? vault : null;

    /// <summary>
    /// <see cref="KeyVaultSealingKeys"/> on <paramref name="vault"/>, reached with the process's Azure credential (the one
    /// ARM calls use) over its transport: the RP reads the keys with it, <c>aro-rp keys rotate</c> adds one.
    /// </summary>
    public static IServiceCollection AddKeyVaultSealingKeys(this IServiceCollection services, IConfiguration configuration, Uri vault)
    {
        // A frontend-only process registers no cloud adapters, but its credential and transport follow the same settings.
        services.AddOptions<CloudOptions>().Bind(configuration.GetSection(CloudOptions.SectionName));
        services.AddAroAzureCredential(configuration);
        services.TryAddSingleton(provider => new KeyVaultSealingKeys(
            new SecretClient(vault, provider.GetRequiredService<TokenCredential>(), new SecretClientOptions { Transport = Transport(provider) })));
        return services;
    }

    private static HttpPipelineTransport Transport(IServiceProvider provider) => provider.GetRequiredService<CloudHttpTransport>().Transport;
}
