namespace Aro.Api.Resources;

/// <summary>
/// A parsed ARM resource id:
/// <c>/subscriptions/{sub}[/resourceGroups/{rg}][/providers/{namespace}/{type}/{name}[/{childType}/{childName}]...]</c>.
/// Keywords match case-insensitively, as ARM treats them; values keep the caller's casing.
/// </summary>
public sealed class ResourceId
{
    private ResourceId(string id, string subscriptionId, string? resourceGroup, string? providerNamespace, IReadOnlyList<ResourceTypeSegment> segments)
    {
        Id = id;
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        ProviderNamespace = providerNamespace;
        Segments = segments;
    }

    /// <summary>The id as given.</summary>
    public string Id { get; }

    public string SubscriptionId { get; }

    /// <summary>Null for subscription-level resources.</summary>
    public string? ResourceGroup { get; }

    /// <summary>Null when the id names a subscription or a resource group.</summary>
    public string? ProviderNamespace { get; }

    /// <summary>The type/name pairs below the provider: the top-level resource first, then its children.</summary>
    public IReadOnlyList<ResourceTypeSegment> Segments { get; }

    /// <summary>The full resource type, e.g. <c>Microsoft.Network/virtualNetworks/subnets</c>; null without a provider.</summary>
    public string? ResourceType => ProviderNamespace is null
        ? null
        : ProviderNamespace + "/" + string.Join('/', Segments.Select(s => s.Type));

    /// <summary>The name of the resource the id points at (the last segment, the group or the subscription).</summary>
    public string Name => Segments.Count > 0 ? Segments[^1].Name : ResourceGroup ?? SubscriptionId;

    /// <summary>The id of the resource group holding the resource; null for subscription-level ids.</summary>
    public string? ResourceGroupId => ResourceGroup is null ? null : $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";

    /// <summary>The id of the parent resource (a subnet's virtual network); null for top-level resources.</summary>
    public ResourceId? Parent => Segments.Count > 1
        ? new ResourceId(
            (ResourceGroupId ?? "/subscriptions/" + SubscriptionId) + "/providers/" + ProviderNamespace + string.Concat(Segments.SkipLast(1).Select(s => "/" + s.Type + "/" + s.Name)),
            SubscriptionId,
            ResourceGroup,
            ProviderNamespace,
            Segments.Take(Segments.Count - 1).ToArray())
        : null;

    public static ResourceId Parse(string id) =>
        TryParse(id, out var parsed) ? parsed : throw new FormatException($"'{id}' is not a valid resource id.");

    public static bool TryParse(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResourceId? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(id) || id[0] != '/')
        {
            return false;
        }

        var parts = id[1..].Split('/');
        if (parts.Any(p => p.Length == 0) || parts.Length < 2 || !IsKeyword(parts[0], "subscriptions"))
        {
            return false;
        }

        var subscriptionId = parts[1];
        var index = 2;

        string? resourceGroup = null;
        if (index < parts.Length && IsKeyword(parts[index], "resourceGroups"))
        {
            if (index + 1 >= parts.Length)
            {
                return false;
            }

            resourceGroup = parts[index + 1];
            index += 2;
        }

        if (index == parts.Length)
        {
            parsed = new ResourceId(id, subscriptionId, resourceGroup, null, []);
            return true;
        }

        // Below the provider come type/name pairs; an odd count is a collection path, not a resource.
        if (!IsKeyword(parts[index], "providers") || (parts.Length - index - 2) % 2 != 0 || parts.Length - index < 4)
        {
            return false;
        }

        var providerNamespace = parts[index + 1];
        var segments = new List<ResourceTypeSegment>();
        for (var i = index + 2; i < parts.Length; i += 2)
        {
            segments.Add(new ResourceTypeSegment(parts[i], parts[i + 1]));
        }

        parsed = new ResourceId(id, subscriptionId, resourceGroup, providerNamespace, segments);
        return true;
    }

    public override string ToString() => Id;

    private static bool IsKeyword(string part, string keyword) => string.Equals(part, keyword, StringComparison.OrdinalIgnoreCase);
}
