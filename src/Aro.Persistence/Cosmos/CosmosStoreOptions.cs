namespace Aro.Persistence.Cosmos;

/// <summary>The "Persistence:Cosmos" section: which Cosmos DB account and database the stores use.</summary>
public sealed class CosmosStoreOptions
{
    /// <summary>The account endpoint, e.g. https://myaccount.documents.azure.com:443/ (ARO_COSMOS_ENDPOINT).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The account key (ARO_COSMOS_KEY). A local test server accepts any key. Set, it wins over <see cref="UseAzureCredential"/>.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Authenticate with the process's Entra ID credential (the host's <c>TokenCredential</c>) instead of a key, as an
    /// account with local (key) auth disabled requires. The RP sets it when ARO_AZURE_CREDENTIAL or
    /// ARO_MANAGED_IDENTITY_CLIENT_ID chooses a credential and ARO_COSMOS_KEY is unset.
    /// </summary>
    public bool UseAzureCredential { get; set; }

    /// <summary>The database holding every container (ARO_COSMOS_DATABASE).</summary>
    public string DatabaseName { get; set; } = "aro";

    /// <summary>
    /// Accept a self-signed server certificate (ARO_COSMOS_ALLOW_UNTRUSTED_CERTIFICATES): only for a local test server
    /// or emulator, never for an Azure account.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>
    /// Create the database and the containers at start-up when missing (ARO_COSMOS_CREATE_CONTAINERS). Meant for
    /// development; where the containers are provisioned by infrastructure the RP's key may not be allowed to.
    /// </summary>
    public bool CreateContainers { get; set; } = true;
}
