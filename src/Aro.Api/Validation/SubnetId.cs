using System.Text.RegularExpressions;
using Aro.Api.Resources;

namespace Aro.Api.Validation;

/// <summary>Ids of Microsoft.Network virtual network subnets, as the reference RP accepts them.</summary>
public static partial class SubnetId
{
    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The subnet's subscription; only meaningful for a well-formed id.</summary>
    public static string SubscriptionOf(string id) => ResourceId.Parse(id).SubscriptionId;

    /// <summary>The id of the subnet's virtual network; only meaningful for a well-formed id.</summary>
    public static string VirtualNetworkOf(string id) => ResourceId.Parse(id).Parent!.Id;

    [GeneratedRegex(@"^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/resourceGroups/[-a-z0-9_().]{0,89}[-a-z0-9_()]/providers/Microsoft\.Network/virtualNetworks/[-a-z0-9_.]{2,64}/subnets/[-a-z0-9_.]{2,80}\z", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
