namespace Aro.LocalCloud.Arm;

/// <summary>
/// A parsed provider resource path: /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}...]
/// ending either with a name (one resource) or a type (a collection, or an action on the parent when POSTed).
/// </summary>
internal sealed record ArmResourcePath(string Subscription, string ResourceGroup, string Namespace, IReadOnlyList<string> Types, IReadOnlyList<string> Names)
{
    public static ArmResourcePath Parse(string subscription, string resourceGroup, IReadOnlyList<string> afterProviders)
    {
        var types = new List<string>();
        var names = new List<string>();
        for (var i = 1; i < afterProviders.Count; i++)
        {
            if (i % 2 == 1)
            {
                types.Add(afterProviders[i]);
            }
            else
            {
                names.Add(afterProviders[i]);
            }
        }

        return new ArmResourcePath(subscription, resourceGroup, afterProviders[0], types, names);
    }

    /// <summary>True when the path names a resource; false when it ends with a type (list, or POST action).</summary>
    public bool IsResource => Types.Count == Names.Count;

    /// <summary>"Microsoft.Network/virtualNetworks/subnets": the ARM resource type, names left out.</summary>
    public string ResourceType => $"{Namespace}/{string.Join('/', Types)}";

    public string ResourceGroupId => $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}";

    /// <summary>The id of the resource (or of the collection's owner plus the type) as the caller cased it.</summary>
    public string Id
    {
        get
        {
            var id = $"{ResourceGroupId}/providers/{Namespace}";
            for (var i = 0; i < Types.Count; i++)
            {
                id += $"/{Types[i]}";
                if (i < Names.Count)
                {
                    id += $"/{Names[i]}";
                }
            }

            return id;
        }
    }

    public string Name => Names.Count > 0 ? Names[^1] : "";

    /// <summary>The path of the owning resource (of a child resource, or of a child collection); needs two or more types.</summary>
    public ArmResourcePath Parent => this with
    {
        Types = [.. Types.Take(Types.Count - 1)],
        Names = [.. Names.Take(Types.Count - 1)],
    };

    public static string Key(string id) => id.ToLowerInvariant();
}
