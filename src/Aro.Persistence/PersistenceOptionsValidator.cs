using Microsoft.Extensions.Options;

namespace Aro.Persistence;

/// <summary>Checks the persistence settings at start-up, naming the environment variable to fix.</summary>
internal sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    private const string Section = PersistenceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Section}:{nameof(PersistenceOptions.DataDirectory)} is required (set ARO_DATA_DIR).");
        }

        if (!string.Equals(options.Store, PersistenceOptions.SqliteStore, StringComparison.OrdinalIgnoreCase) && !options.UsesCosmos)
        {
            failures.Add($"{Section}:{nameof(PersistenceOptions.Store)} must be {PersistenceOptions.SqliteStore} or {PersistenceOptions.CosmosStore} (ARO_STORE), not '{options.Store}'.");
        }

        if (options.UsesCosmos)
        {
            var cosmos = options.Cosmos;
            if (!Uri.TryCreate(cosmos.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
            {
                failures.Add($"{Section}:Cosmos:Endpoint must be an absolute URL when the store is cosmos (set ARO_COSMOS_ENDPOINT).");
            }

            if (string.IsNullOrWhiteSpace(cosmos.Key) && !cosmos.UseAzureCredential)
            {
                failures.Add($"{Section}:Cosmos:Key is required when the store is cosmos and no Entra ID credential is chosen (set ARO_COSMOS_KEY, or ARO_MANAGED_IDENTITY_CLIENT_ID / ARO_AZURE_CREDENTIAL for the identity's token).");
            }

            if (string.IsNullOrWhiteSpace(cosmos.DatabaseName))
            {
                failures.Add($"{Section}:Cosmos:DatabaseName is required when the store is cosmos (set ARO_COSMOS_DATABASE).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
