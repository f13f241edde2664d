namespace Aro.Cloud.Identity;

/// <summary>Which Azure identity the RP runs as (section <c>AzureIdentity</c>), for ARM, Cosmos DB and Key Vault alike.</summary>
public sealed class AzureIdentityOptions
{
    public const string SectionName = "AzureIdentity";

    /// <summary>Azure.Identity's <c>ManagedIdentityCredential</c> for the user-assigned identity named by <see cref="ManagedIdentityClientId"/>.</summary>
    public const string ManagedIdentity = "managed-identity";

    /// <summary>Azure.Identity's <c>DefaultAzureCredential</c>: environment, workload identity, managed identity, then developer tools.</summary>
    public const string Default = "default";

    /// <summary>The local cloud's static development token (accepted by its ARM only).</summary>
    public const string LocalToken = "local-token";

    /// <summary>
    /// managed-identity, default or local-token (ARO_AZURE_CREDENTIAL). Unset: managed-identity when a client id is set,
    /// local-token for a local cloud endpoint, default otherwise.
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>The client id of the user-assigned managed identity the process runs as (ARO_MANAGED_IDENTITY_CLIENT_ID).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The object (principal) id of that identity (ARO_MANAGED_IDENTITY_OBJECT_ID). Not needed to sign in: only so that
    /// <see cref="CustomerErrorRedaction"/> keeps it out of the errors customers see.
    /// </summary>
    public string? ManagedIdentityObjectId { get; set; }

    /// <summary>The credential in effect once the defaults above are applied.</summary>
    public string EffectiveCredential(bool localCloud) =>
        !string.IsNullOrWhiteSpace(Credential) ? Credential
        : !string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? ManagedIdentity
        : localCloud ? LocalToken
        : Default;
}
