using Azure.Core;
using Azure.Identity;

namespace Aro.Cloud.Identity;

/// <summary>
/// Builds the one <see cref="TokenCredential"/> the RP's Azure clients share. Managed identity and the default chain go
/// through the RP's HTTP transport, so a local cloud's token endpoint (IDENTITY_ENDPOINT, self-signed) is reached the
/// way ARM is.
/// </summary>
public static class AzureCredentialFactory
{
    public static TokenCredential Create(AzureIdentityOptions identity, CloudOptions cloud, CloudHttpTransport transport)
    {
        var credential = identity.EffectiveCredential(cloud.IsLocal);
        switch (credential)
        {
            case AzureIdentityOptions.ManagedIdentity:
                if (string.IsNullOrWhiteSpace(identity.ManagedIdentityClientId))
                {
                    throw new InvalidOperationException("ARO_AZURE_CREDENTIAL is managed-identity but ARO_MANAGED_IDENTITY_CLIENT_ID (the identity's client id) is not set.");
                }

                return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(identity.ManagedIdentityClientId))
                {
                    Transport = transport.Transport,
                });
            case AzureIdentityOptions.Default:
                var options = new DefaultAzureCredentialOptions { Transport = transport.Transport, AuthorityHost = AzureClouds.AuthorityHost(cloud.AzureCloud) };
                if (!string.IsNullOrWhiteSpace(identity.ManagedIdentityClientId))
                {
                    options.ManagedIdentityClientId = identity.ManagedIdentityClientId;
                }

                return new DefaultAzureCredential(options);
            case AzureIdentityOptions.LocalToken when !cloud.IsLocal:
                // The static token is a local cloud shortcut: against a real Azure cloud it would only fail later, less clearly.
                throw new InvalidOperationException($"ARO_AZURE_CREDENTIAL is {AzureIdentityOptions.LocalToken}, which only the local cloud accepts, but the cloud endpoint '{cloud.ArmEndpoint?.ToString() ?? AzureClouds.Arm(cloud.AzureCloud).Endpoint.ToString()}' is not the local cloud.");
            case AzureIdentityOptions.LocalToken:
                return new LocalEmulatorCredential();
            default:
                throw new InvalidOperationException($"ARO_AZURE_CREDENTIAL must be {AzureIdentityOptions.ManagedIdentity}, {AzureIdentityOptions.Default} or {AzureIdentityOptions.LocalToken}, not '{credential}'.");
        }
    }
}
