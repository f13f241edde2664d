using Azure.Core;

namespace Aro.Testing.LocalCloud;

/// <summary>The emulator accepts any bearer token; the SDKs only insist that one is sent over HTTPS.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("local-cloud-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
