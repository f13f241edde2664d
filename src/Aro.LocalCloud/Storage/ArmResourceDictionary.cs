using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Storage;

/// <summary>
/// The local cloud's ARM resources, keyed by lower-cased id, with their keys grouped by resource type and kept in
/// order, so that finding every NIC, VM or resource group, or every resource under a resource group or a resource,
/// does not read every key: with thousands of resources those sweeps, made under the store's write lock on every
/// create and delete, were what the emulator spent its time on.
/// </summary>
internal sealed class ArmResourceDictionary() : TrackedDictionary<JsonObject>(TypeOfKey)
{
    public const string ResourceGroups = "resourcegroups";

    private const string Providers = "/providers/";

    /// <summary>
    /// The lower-cased resource type of a key: <c>microsoft.network/networkinterfaces</c> for a NIC,
    /// <c>microsoft.network/virtualnetworks/subnets</c> for a child, the extension's type for an extension resource,
    /// <see cref="ResourceGroups"/> for a resource group; null for anything else (a collection path, a subscription).
    /// </summary>
    public static string? TypeOfKey(string key)
    {
        var providers = key.LastIndexOf(Providers, StringComparison.Ordinal);
        if (providers < 0)
        {
            var parts = key.Split('/');
            return parts is ["", "subscriptions", _, "resourcegroups", _] ? ResourceGroups : null;
        }

        var segments = key[(providers + Providers.Length)..].Split('/');
        if (segments.Length < 3 || segments.Length % 2 == 0)
        {
            return null;
        }

        return string.Join('/', segments.Where((_, i) => i == 0 || i % 2 == 1));
    }
}
