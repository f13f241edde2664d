using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Api.Versioning;

namespace Aro.Api.Validation;

/// <summary>
/// The static validation rules the external api-versions share, in the reference RP's order; the first
/// failure is thrown as a 400 <see cref="CloudError"/>. Each version supplies its VM sizes and hands over
/// its request in two forms: the external JSON (for what only the request carries: id, name, type,
/// provisioningState, and the immutability diff) and the candidate internal cluster (for everything else).
/// </summary>
public sealed class ClusterStaticValidator
{
    private const string VisibilityPublic = "Public";
    private const string VisibilityPrivate = "Private";

    // ARM's limits on resource tags.
    private const int MaxTags = 50;
    private const int MaxTagNameLength = 512;
    private const int MaxTagValueLength = 256;

    // Everything else is immutable: tags are ARM metadata and the worker count is how users scale.
    private static readonly ImmutableProperties Immutability = new(
        mutable: ["tags", "properties.workerProfiles[*].count"],
        keptWhenOmitted:
        [
            "id",
            "name",
            "type",
            "properties.provisioningState",
            "properties.clusterProfile.pullSecret",
            "properties.clusterProfile.version",
            "properties.consoleProfile.url",
            "properties.servicePrincipalProfile.clientSecret",
            "properties.apiserverProfile.url",
            "properties.apiserverProfile.ip",
            "properties.ingressProfiles[*].ip",
        ],
        caseInsensitive: ["id", "name", "type", "location"]);

    private readonly IReadOnlySet<string> _vmSizes;

    /// <param name="vmSizes">The VM sizes of the version's swagger (matched exactly, as the enum).</param>
    public ClusterStaticValidator(IReadOnlySet<string> vmSizes)
    {
        _vmSizes = vmSizes;
    }

    /// <param name="request">The request as this version's external JSON (deserialized and written back, so normalised).</param>
    /// <param name="candidate">The request converted to the internal model, secrets and read-only fields merged from the stored cluster.</param>
    /// <param name="current">The stored cluster as this version's external JSON; null on create.</param>
    /// <param name="context">The request URL, the RP location and the stored cluster.</param>
    /// <exception cref="CloudError">The first rule the request breaks.</exception>
    public void Validate(JsonObject request, OpenShiftCluster candidate, JsonObject? current, StaticValidationContext context)
    {
        var resource = ResourceId.Parse(context.ResourceId);

        ValidateResource(request, candidate, resource, context);
        ValidateProperties(request, candidate.Properties, resource, context.IsCreate);

        if (context.Existing is not null && current is not null)
        {
            ValidateDelta(request, current, context.Existing);
        }
    }

    private static void ValidateResource(JsonObject request, OpenShiftCluster candidate, ResourceId resource, StaticValidationContext context)
    {
        var id = StringAt(request, "id");
        if (id is not null && !string.Equals(id, context.ResourceId, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.BadRequest(CloudErrorCodes.MismatchingResourceId, "id", $"The provided resource ID '{id}' did not match the name in the Url '{context.ResourceId}'.");
        }

        var name = StringAt(request, "name");
        if (name is not null && !string.Equals(name, resource.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.BadRequest(CloudErrorCodes.MismatchingResourceName, "name", $"The provided resource name '{name}' did not match the name in the Url '{resource.Name}'.");
        }

        var type = StringAt(request, "type");
        if (type is not null && !string.Equals(type, ResourceProvider.OpenShiftClusterResourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.BadRequest(CloudErrorCodes.MismatchingResourceType, "type", $"The provided resource type '{type}' did not match the name in the Url '{ResourceProvider.OpenShiftClusterResourceType}'.");
        }

        if (!string.Equals(candidate.Location, context.Location, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter("location", $"The provided location '{candidate.Location}' is invalid.");
        }

        ValidateTags(candidate.Tags);
    }

    private static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags)
        {
            throw CloudError.InvalidParameter("tags", $"The resource has {tags.Count} tags; at most {MaxTags} are allowed.");
        }

        foreach (var (name, value) in tags)
        {
            if (name.Length is 0 or > MaxTagNameLength)
            {
                throw CloudError.InvalidParameter("tags", $"The tag name '{Shorten(name)}' is invalid: tag names must be 1 to {MaxTagNameLength} characters long.");
            }

            if (value is null || value.Length > MaxTagValueLength)
            {
                throw CloudError.InvalidParameter("tags", $"The value of tag '{Shorten(name)}' is invalid: tag values must be strings of at most {MaxTagValueLength} characters.");
            }
        }
    }

    // Errors quote a tag name, not a whole over-long one.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private void ValidateProperties(JsonObject request, OpenShiftClusterProperties properties, ResourceId resource, bool isCreate)
    {
        // Read-only, so it never reaches the internal model from a request; only its spelling is checked here.
        var provisioningState = StringAt(request, "properties", "provisioningState");
        if (provisioningState is not null && !Enum.GetNames<ProvisioningState>().Contains(provisioningState, StringComparer.Ordinal))
        {
            throw CloudError.InvalidParameter("properties.provisioningState", $"The provided provisioning state '{provisioningState}' is invalid.");
        }

        ValidateClusterProfile("properties.clusterProfile", properties.ClusterProfile, resource, isCreate);
        ValidateServicePrincipalProfile("properties.servicePrincipalProfile", properties.ServicePrincipalProfile);
        ValidateNetworkProfile("properties.networkProfile", properties.NetworkProfile);
        ValidateMasterProfile("properties.masterProfile", properties.MasterProfile, resource);
        ValidateVisibility("properties.apiserverProfile.visibility", properties.ApiServerProfile.Visibility);

        // Validated on update too (unlike the reference RP, which checks these on create only), so that a
        // scale request with an out-of-range count is refused here rather than downstream.
        if (properties.WorkerProfiles.Count != 1)
        {
            throw CloudError.InvalidParameter("properties.workerProfiles", "There should be exactly one worker profile.");
        }

        ValidateWorkerProfile(NamedElementPath("properties.workerProfiles", properties.WorkerProfiles[0].Name), properties.WorkerProfiles[0], properties.MasterProfile, resource);

        if (properties.IngressProfiles.Count != 1)
        {
            throw CloudError.InvalidParameter("properties.ingressProfiles", "There should be exactly one ingress profile.");
        }

        ValidateIngressProfile(NamedElementPath("properties.ingressProfiles", properties.IngressProfiles[0].Name), properties.IngressProfiles[0]);
    }

    // Profiles are addressed by name, as the reference RP does: properties.workerProfiles['worker'].count.
    private static string NamedElementPath(string arrayPath, string name) => $"{arrayPath}['{name}']";

    private static void ValidateClusterProfile(string path, ClusterProfile profile, ResourceId resource, bool isCreate)
    {
        if (!PullSecret.IsValid(profile.PullSecret))
        {
            throw CloudError.InvalidParameter(path + ".pullSecret", "The provided pull secret is invalid.");
        }

        if (!DomainName.IsValid(profile.Domain, isCreate))
        {
            throw CloudError.InvalidParameter(path + ".domain", $"The provided domain '{profile.Domain}' is invalid.");
        }

        var resourceGroupId = profile.ResourceGroupId;
        if (!ResourceGroupId.IsWellFormed(resourceGroupId))
        {
            throw CloudError.InvalidParameter(path + ".resourceGroupId", $"The provided resource group '{resourceGroupId}' is invalid.");
        }

        var group = ResourceId.Parse(resourceGroupId);
        if (!string.Equals(group.SubscriptionId, resource.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".resourceGroupId", $"The provided resource group '{resourceGroupId}' is invalid: must be in same subscription as cluster.");
        }

        // The cluster resource group is created and owned by the RP; it cannot be the customer's own group.
        if (string.Equals(group.ResourceGroup, resource.ResourceGroup, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".resourceGroupId", $"The provided resource group '{resourceGroupId}' is invalid: must be different from resourceGroup of the OpenShift cluster object.");
        }
    }

    private static void ValidateServicePrincipalProfile(string path, ServicePrincipalProfile profile)
    {
        if (!Uuid.IsValid(profile.ClientId))
        {
            throw CloudError.InvalidParameter(path + ".clientId", $"The provided client ID '{profile.ClientId}' is invalid.");
        }

        if (string.IsNullOrEmpty(profile.ClientSecret))
        {
            throw CloudError.InvalidParameter(path + ".clientSecret", "The provided client secret is invalid.");
        }
    }

    private static void ValidateNetworkProfile(string path, NetworkProfile profile)
    {
        ValidateCidr(path + ".podCidr", "pod", profile.PodCidr, 18);
        ValidateCidr(path + ".serviceCidr", "service", profile.ServiceCidr, 22);
    }

    private static void ValidateCidr(string path, string kind, string value, int maxPrefixLength)
    {
        if (!Cidr.TryParse(value, out var cidr, out var error))
        {
            throw CloudError.InvalidParameter(path, $"The provided {kind} CIDR '{value}' is invalid: '{error}'.");
        }

        if (!cidr.IsIPv4)
        {
            throw CloudError.InvalidParameter(path, $"The provided {kind} CIDR '{value}' is invalid: must be IPv4.");
        }

        // "vnet" is the reference RP's wording for both CIDRs; kept so messages match.
        if (cidr.PrefixLength > maxPrefixLength)
        {
            throw CloudError.InvalidParameter(path, $"The provided vnet CIDR '{value}' is invalid: must be /{maxPrefixLength} or larger.");
        }
    }

    private void ValidateMasterProfile(string path, MasterProfile profile, ResourceId resource)
    {
        if (!_vmSizes.Contains(profile.VmSize))
        {
            throw CloudError.InvalidParameter(path + ".vmSize", $"The provided master VM size '{profile.VmSize}' is invalid.");
        }

        if (!SubnetId.IsWellFormed(profile.SubnetId))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided master VM subnet '{profile.SubnetId}' is invalid.");
        }

        if (!string.Equals(SubnetId.SubscriptionOf(profile.SubnetId), resource.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided master VM subnet '{profile.SubnetId}' is invalid: must be in same subscription as cluster.");
        }
    }

    private void ValidateWorkerProfile(string path, WorkerProfile profile, MasterProfile master, ResourceId resource)
    {
        if (profile.Name != "worker")
        {
            throw CloudError.InvalidParameter(path + ".name", $"The provided worker name '{profile.Name}' is invalid.");
        }

        if (!_vmSizes.Contains(profile.VmSize))
        {
            throw CloudError.InvalidParameter(path + ".vmSize", $"The provided worker VM size '{profile.VmSize}' is invalid.");
        }

        if (profile.DiskSizeGB < 128)
        {
            throw CloudError.InvalidParameter(path + ".diskSizeGB", $"The provided worker disk size '{profile.DiskSizeGB}' is invalid.");
        }

        if (!SubnetId.IsWellFormed(profile.SubnetId))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided worker VM subnet '{profile.SubnetId}' is invalid.");
        }

        if (!string.Equals(SubnetId.SubscriptionOf(profile.SubnetId), resource.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided worker VM subnet '{profile.SubnetId}' is invalid: must be in same subscription as cluster.");
        }

        if (!string.Equals(SubnetId.VirtualNetworkOf(profile.SubnetId), SubnetId.VirtualNetworkOf(master.SubnetId), StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided worker VM subnet '{profile.SubnetId}' is invalid: must be in the same vnet as master VM subnet '{master.SubnetId}'.");
        }

        if (string.Equals(profile.SubnetId, master.SubnetId, StringComparison.OrdinalIgnoreCase))
        {
            throw CloudError.InvalidParameter(path + ".subnetId", $"The provided worker VM subnet '{profile.SubnetId}' is invalid: must be different to master VM subnet '{master.SubnetId}'.");
        }

        if (profile.Count is < 3 or > 20)
        {
            throw CloudError.InvalidParameter(path + ".count", $"The provided worker count '{profile.Count}' is invalid.");
        }
    }

    private static void ValidateIngressProfile(string path, IngressProfile profile)
    {
        if (profile.Name != "default")
        {
            throw CloudError.InvalidParameter(path + ".name", $"The provided ingress name '{profile.Name}' is invalid.");
        }

        ValidateVisibility(path + ".visibility", profile.Visibility);
    }

    private static void ValidateVisibility(string path, string visibility)
    {
        if (visibility is not (VisibilityPublic or VisibilityPrivate))
        {
            throw CloudError.InvalidParameter(path, $"The provided visibility '{visibility}' is invalid.");
        }
    }

    private static void ValidateDelta(JsonObject request, JsonObject current, OpenShiftCluster existing)
    {
        // The external form never carries secrets, so the stored ones are put in for the comparison:
        // these versions cannot rotate credentials, so a different secret is a change like any other.
        var stored = current.DeepClone().AsObject();
        SetAt(stored, existing.Properties.ClusterProfile.PullSecret, "properties", "clusterProfile", "pullSecret");
        SetAt(stored, existing.Properties.ServicePrincipalProfile.ClientSecret, "properties", "servicePrincipalProfile", "clientSecret");

        var changed = Immutability.FindChange(request, stored);
        if (changed is not null)
        {
            throw CloudError.BadRequest(CloudErrorCodes.PropertyChangeNotAllowed, changed, $"Changing property '{changed}' is not allowed.");
        }
    }

    private static string? StringAt(JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static void SetAt(JsonObject root, string? value, params string[] path)
    {
        if (value is null)
        {
            return;
        }

        var parent = root;
        foreach (var key in path[..^1])
        {
            if (parent[key] is not JsonObject child)
            {
                child = [];
                parent[key] = child;
            }

            parent = child;
        }

        parent[path[^1]] = value;
    }
}
