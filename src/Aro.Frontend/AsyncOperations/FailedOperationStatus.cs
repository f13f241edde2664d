using System.Collections.Frozen;
using System.Net;
using Aro.Api;

namespace Aro.Frontend.AsyncOperations;

/// <summary>
/// The HTTP status operationresults answers a failed operation with. ARM RPC asks for the operation's error
/// as a CloudError with the status the synchronous call would have had. The frontend does not know that status
/// (the step that failed only records a code), so it decides by code: the codes the backend's steps use when
/// the request itself, or a resource it names, is unusable (the user must change something) are 400; every
/// other failure is 409 Conflict, because the resource could not reach the requested state. 5xx is never
/// used for an operation's outcome: the RP served the poll correctly, and clients retry 5xx forever.
/// </summary>
internal static class FailedOperationStatus
{
    private static readonly FrozenSet<string> UserErrorCodes = FrozenSet.Create(
        StringComparer.Ordinal,
        CloudErrorCodes.InvalidParameter,
        CloudErrorCodes.InvalidLinkedVNet,
        CloudErrorCodes.InvalidLinkedRouteTable,
        CloudErrorCodes.InvalidServicePrincipalCredentials,
        CloudErrorCodes.InvalidServicePrincipalPermissions,
        CloudErrorCodes.InvalidRequestContent,
        CloudErrorCodes.InvalidResource,
        CloudErrorCodes.PropertyChangeNotAllowed,
        CloudErrorCodes.RequestNotAllowed);

    /// <summary>A failure recorded without an error (should not happen) still answers a CloudError.</summary>
    public static readonly CloudErrorBody UnknownError = new(CloudErrorCodes.InternalServerError, "Internal server error.");

    public static HttpStatusCode For(CloudErrorBody error) =>
        UserErrorCodes.Contains(error.Code) ? HttpStatusCode.BadRequest : HttpStatusCode.Conflict;
}
