using Aro.Cloud;
using Aro.Cloud.Identity;
using Aro.Persistence.Secrets;
using Aro.Rp.Hosting;
using Azure.Core;
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
        var vaultUrl = configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.KeyVaultUrl)}"];
        if (string.IsNullOrWhiteSpace(vaultUrl) || !Uri.TryCreate(vaultUrl, UriKind.Absolute, out var vault))
        {
            return services;
        }

        // A frontend-only process registers no cloud adapters, but its credential and transport follow the same settings.
        services.AddOptions<CloudOptions>().Bind(configuration.GetSection(CloudOptions.SectionName));
        services.AddAroAzureCredential(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var credential = provider.GetRequiredService<TokenCredential>();
            var transport = provider.GetRequiredService<CloudHttpTransport>().Transport;
            return new KeyVaultMaterialReader(
                new CertificateClient(vault, credential, new CertificateClientOptions { Transport = transport }),
                new SecretClient(vault, credential, new SecretClientOptions { Transport = transport }));
        });
        services.AddSingleton<KeyVaultMaterialRefresher>();
        // First among the hosted services: the web server needs the certificate and the store's initializer the keys.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<KeyVaultMaterialRefresher>()));
        services.Replace(ServiceDescriptor.Singleton<ISecretKeyRing, KeyVaultSecretKeyRing>());
        services.AddHealthChecks().AddCheck<KeyVaultHealthCheck>("key-vault");
        return services;
    }
}
