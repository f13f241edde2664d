namespace Aro.Api;

/// <summary>The ARM error codes this RP answers with (the reference RP's set).</summary>
public static class CloudErrorCodes
{
    public const string InternalServerError = "InternalServerError";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidRequestContent = "InvalidRequestContent";
    public const string InvalidResource = "InvalidResource";
    public const string InvalidResourceNamespace = "InvalidResourceNamespace";
    public const string InvalidResourceType = "InvalidResourceType";
    public const string InvalidSubscriptionId = "InvalidSubscriptionID";
    public const string InvalidSubscriptionState = "InvalidSubscriptionState";
    public const string InvalidLocation = "InvalidLocation";
    public const string MismatchingResourceId = "MismatchingResourceID";
    public const string MismatchingResourceName = "MismatchingResourceName";
    public const string MismatchingResourceType = "MismatchingResourceType";
    public const string PropertyChangeNotAllowed = "PropertyChangeNotAllowed";
    public const string RequestNotAllowed = "RequestNotAllowed";
    public const string ResourceGroupNotFound = "ResourceGroupNotFound";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string RequestEntityTooLarge = "RequestEntityTooLarge";
    public const string NotFound = "NotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string Conflict = "Conflict";
    public const string PreconditionFailed = "PreconditionFailed";
    public const string InvalidLinkedVNet = "InvalidLinkedVNet";
    public const string InvalidLinkedRouteTable = "InvalidLinkedRouteTable";
    public const string InvalidServicePrincipalCredentials = "InvalidServicePrincipalCredentials";
    public const string InvalidServicePrincipalPermissions = "InvalidServicePrincipalPermissions";
    public const string Forbidden = "Forbidden";
    public const string ClusterResourceGroupAlreadyExists = "ClusterResourceGroupAlreadyExists";
    public const string DuplicateDomain = "DuplicateDomain";
}
