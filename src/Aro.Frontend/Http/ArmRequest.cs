using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Api.Validation;
using Aro.Api.Versioning;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Http;

/// <summary>
/// The validated parts of an ARM request path and its api-version. Route values are compared
/// lower-cased (ARM paths are case-insensitive) while <see cref="OriginalPath"/> keeps the caller's casing,
/// which is what a new resource's id and name are created with.
/// Binding fails with the reference RP's error for the first malformed part, in its order.
/// </summary>
internal sealed partial class ArmRequest
{
    private ArmRequest(string? subscriptionId, string? resourceGroupName, string? resourceName, string? operationId, string originalPath, string apiVersion, IOpenShiftClusterApi? api)
    {
        SubscriptionId = subscriptionId ?? "";
        ResourceGroupName = resourceGroupName ?? "";
        ResourceName = resourceName ?? "";
        OperationId = operationId ?? "";
        OriginalPath = originalPath;
        ApiVersion = apiVersion;
        _api = api;
    }

    private static readonly string ClusterTypeSegments =
        $"/providers/{ResourceProvider.Namespace}/{ResourceProvider.OpenShiftClustersType}/".ToLowerInvariant();

    private readonly IOpenShiftClusterApi? _api;
    private string? _clusterKey;

    /// <summary>Lower-cased subscription id ("" on routes without one).</summary>
    public string SubscriptionId { get; }

    /// <summary>Lower-cased resource group name ("" on routes without one).</summary>
    public string ResourceGroupName { get; }

    /// <summary>Lower-cased resource name ("" on routes without one).</summary>
    public string ResourceName { get; }

    /// <summary>Lower-cased async operation id ("" on routes without one).</summary>
    public string OperationId { get; }

    /// <summary>The request path as the caller wrote it.</summary>
    public string OriginalPath { get; }

    public string ApiVersion { get; }

    /// <summary>The converter and validator of the request's api-version.</summary>
    public IOpenShiftClusterApi Api => _api ?? throw new InvalidOperationException("This route has no versioned api.");

    /// <summary>The resource id of the cluster addressed by the path, in the caller's casing.</summary>
    public string ClusterResourceId
    {
        get
        {
            var segments = OriginalPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return $"/subscriptions/{segments[1]}/resourceGroups/{segments[3]}/providers/{segments[5]}/{segments[6]}/{segments[7]}";
        }
    }

    /// <summary>
    /// The key clusters are stored under: the lower-cased resource id. Made from the route values, already lower-cased
    /// and checked (the namespace and type are the RP's own), once per request: a read asks for it on every request.
    /// </summary>
    public string ClusterKey => _clusterKey ??=
        string.Concat("/subscriptions/", SubscriptionId, "/resourcegroups/", ResourceGroupName, ClusterTypeSegments, ResourceName);

    /// <summary>The stored-id prefix of every cluster in the addressed subscription or resource group.</summary>
    public string ListPrefix => ResourceGroupName.Length == 0
        ? $"/subscriptions/{SubscriptionId}/"
        : $"/subscriptions/{SubscriptionId}/resourcegroups/{ResourceGroupName}/";

    public static ValueTask<ArmRequest?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var values = context.Request.RouteValues;
        var subscriptionId = Lower(values["subscriptionId"]);
        var resourceGroupName = Lower(values["resourceGroupName"]);
        var providerNamespace = Lower(values["resourceProviderNamespace"]);
        var resourceType = Lower(values["resourceType"]);
        var resourceName = Lower(values["resourceName"]);
        var location = Lower(values["location"]);
        var operationId = Lower(values["operationId"]);
        var apiVersion = context.Request.Query["api-version"].ToString();

        if (subscriptionId is not null && !Uuid.IsValid(subscriptionId))
        {
            throw BadRequest(CloudErrorCodes.InvalidSubscriptionId, $"The provided subscription identifier '{subscriptionId}' is malformed or invalid.");
        }

        if (resourceGroupName is not null && !ResourceNameRegex().IsMatch(resourceGroupName))
        {
            throw BadRequest(CloudErrorCodes.ResourceGroupNotFound, $"Resource group '{resourceGroupName}' could not be found.");
        }

        if (providerNamespace is not null && providerNamespace != ResourceProvider.Namespace.ToLowerInvariant())
        {
            throw BadRequest(CloudErrorCodes.InvalidResourceNamespace, $"The resource namespace '{providerNamespace}' is invalid.");
        }

        if (resourceType is not null && resourceType != ResourceProvider.OpenShiftClustersType.ToLowerInvariant())
        {
            throw InvalidResourceType(resourceType, providerNamespace, apiVersion);
        }

        if (resourceName is not null && !ResourceNameRegex().IsMatch(resourceName))
        {
            throw BadRequest(CloudErrorCodes.ResourceNotFound, $"The Resource '{providerNamespace}/{resourceType}/{resourceName}' under resource group '{resourceGroupName}' was not found.");
        }

        if (location is not null)
        {
            var rpLocation = context.RequestServices.GetRequiredService<IOptions<FrontendOptions>>().Value.Location;
            if (!string.Equals(location, rpLocation, StringComparison.OrdinalIgnoreCase))
            {
                throw BadRequest(CloudErrorCodes.InvalidLocation, $"The provided location '{location}' is malformed or invalid.");
            }
        }

        if (operationId is not null && !Uuid.IsValid(operationId))
        {
            throw BadRequest("InvalidOperationID", $"The provided operation identifier '{operationId}' is malformed or invalid.");
        }

        var registry = context.RequestServices.GetRequiredService<ApiVersionRegistry>();
        if (!registry.TryGet(apiVersion, out var api))
        {
            throw InvalidResourceType(resourceType ?? "", providerNamespace ?? "", apiVersion);
        }

        var originalPath = context.Request.PathBase.Add(context.Request.Path).Value ?? "";
        return ValueTask.FromResult<ArmRequest?>(new ArmRequest(subscriptionId, resourceGroupName, resourceName, operationId, originalPath, apiVersion, api));
    }

    public static CloudError InvalidResourceType(string? resourceType, string? providerNamespace, string apiVersion) =>
        BadRequest(CloudErrorCodes.InvalidResourceType, $"The resource type '{resourceType}' could not be found in the namespace '{providerNamespace}' for api version '{apiVersion}'.");

    private static CloudError BadRequest(string code, string message) => new(HttpStatusCode.BadRequest, code, null, message);

    private static string? Lower(object? routeValue) => (routeValue as string)?.ToLowerInvariant();

    // Resource group and resource names as ARM allows them (matched against the lower-cased path).
    [GeneratedRegex(@"^[-a-z0-9_().]{0,89}[-a-z0-9_()]\z")]
    private static partial Regex ResourceNameRegex();
}
