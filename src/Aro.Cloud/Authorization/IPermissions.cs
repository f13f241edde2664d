using Azure.Core;

namespace Aro.Cloud.Authorization;

/// <summary>ARM's permissions API: what a caller, signed in as <c>caller</c>, may do at a resource.</summary>
public interface IPermissions
{
    /// <summary>
    /// The caller's permissions at <paramref name="resourceId"/>, every page. ARM's refusals (401, 403, 404) and
    /// failures (429, 5xx) throw <see cref="Azure.RequestFailedException"/>.
    /// </summary>
    Task<IReadOnlyList<Permission>> ListForResourceAsync(TokenCredential caller, string resourceId, CancellationToken cancellationToken);
}
