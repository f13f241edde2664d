using System.Net;
using Aro.Api;

namespace Aro.Frontend.AsyncOperations;

internal static class AsyncOperationNotFound
{
    /// <summary>The reference RP's 404 for an operation it does not know (or no longer keeps).</summary>
    public static CloudError Error() => new(HttpStatusCode.NotFound, CloudErrorCodes.NotFound, null, "The entity was not found.");
}
