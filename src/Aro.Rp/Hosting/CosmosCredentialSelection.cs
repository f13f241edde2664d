using Aro.Cloud;
using Aro.Cloud.Identity;
using Aro.Persistence;

namespace Aro.Rp.Hosting;

/// <summary>
/// Cosmos DB on Entra ID: when ARO_AZURE_CREDENTIAL or ARO_MANAGED_IDENTITY_CLIENT_ID chooses a credential, or
/// AZURE_CLIENT_ID names the identity DefaultAzureCredential runs as (infra/ sets that one), and ARO_COSMOS_KEY is unset, the store authenticates with that credential (the one ARM and Key Vault calls use), as an
/// account with keys disabled (infra/modules/cosmos.bicep) requires. With neither, the store's validation refuses the
/// start in one line naming both ways.
/// </summary>
internal static class CosmosCredentialSelection
{
    /// <summary>Azure.Identity's own variable for the user-assigned identity; configuration sees it as a top-level key.</summary>
    private const string AzureClientIdVariable = "AZURE_CLIENT_ID";

    public static IServiceCollection AddAroCosmosCredential(this IServiceCollection services, IConfiguration configuration)
    {
        var identity = configuration.GetSection(AzureIdentityOptions.SectionName).Get<AzureIdentityOptions>() ?? new AzureIdentityOptions();
        if (string.IsNullOrWhiteSpace(identity.Credential) && string.IsNullOrWhiteSpace(identity.ManagedIdentityClientId)
            && string.IsNullOrWhiteSpace(configuration[AzureClientIdVariable]))
        {
            return services;
        }

        // A frontend-only process registers no cloud adapters, but its credential and transport follow the same settings.
        services.AddOptions<CloudOptions>().Bind(configuration.GetSection(CloudOptions.SectionName));
        services.AddAroAzureCredential(configuration);
        services.PostConfigure<PersistenceOptions>(persistence =>
            persistence.Cosmos.UseAzureCredential = string.IsNullOrWhiteSpace(persistence.Cosmos.Key));
        return services;
    }
}
