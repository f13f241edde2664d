using Azure.Core;

namespace Aro.Cloud;

/// <summary>The local cloud accepts any bearer token; this one never expires and never leaves the machine.</summary>
public sealed class LocalEmulatorCredential : TokenCredential
{
    private static readonly AccessToken Token = new("local-cloud-token", DateTimeOffset.MaxValue);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(Token);
}
