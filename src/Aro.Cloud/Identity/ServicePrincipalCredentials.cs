using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Aro.Cloud.Identity;

/// <summary>
/// Signs customers' service principals in with their client secret (Azure.Identity's <c>ClientSecretCredential</c>),
/// at the authority of <see cref="CloudOptions.EffectiveAuthorityHost"/> over the RP's shared transport, for the
/// audience of the RP's ARM.
/// </summary>
public sealed class ServicePrincipalCredentials(IOptions<CloudOptions> options, ArmClientFactory arm, CloudHttpTransport transport)
{
    /// <summary>The scope a token for the RP's ARM is asked for with.</summary>
    public string ArmScope => arm.Environment.DefaultScope;

    public TokenCredential Create(string tenantId, string clientId, string clientSecret)
    {
        var cloud = options.Value;
        return new ClientSecretCredential(tenantId, clientId, clientSecret, new ClientSecretCredentialOptions
        {
            AuthorityHost = cloud.EffectiveAuthorityHost,
            Transport = transport.Transport,
            // Entra's instance discovery would ask the public cloud about the local cloud's host, which it does not know.
            DisableInstanceDiscovery = cloud.IsLocal,
        });
    }

    /// <summary>
    /// Entra's refusal of a sign-in (an answer in 4xx: unknown application or tenant, wrong or expired secret) as its
    /// error code (<c>invalid_client</c>, <c>unauthorized_client</c>...), or null when Entra could not be reached or
    /// failed (5xx, throttling), which may pass.
    /// </summary>
    public static string? RefusalOf(AuthenticationFailedException exception) =>
        exception.InnerException is MsalServiceException { StatusCode: >= 400 and < 500 and not (408 or 429) } refusal ? refusal.ErrorCode : null;
}
