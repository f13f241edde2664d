using System.Text.RegularExpressions;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Cloud.Identity;
using Microsoft.Extensions.Options;

namespace Aro.Cloud;

/// <summary>
/// The one rule for what of the RP's own footprint an error may show a customer: none. The cloud answers the RP's calls
/// in terms of the RP (its subscription, the identity it calls as, its own resources such as the DNS zone), and those
/// answers become a cluster's provisioning error. Before they do, ids of resources in the RP's subscription, the RP's
/// subscription id itself, and the RP's identity ids are replaced by neutral placeholders; the customer's own ids (the
/// subnet, the cluster resource group) stay, since the customer needs them to act.
/// </summary>
public sealed partial class CustomerErrorRedaction
{
    public const string InternalResource = "<internal resource>";
    public const string InternalSubscription = "<internal subscription>";
    public const string InternalIdentity = "<internal identity>";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex? _rpResourceIds;
    private readonly Regex? _rpSubscription;
    private readonly Regex? _rpIdentities;

    public CustomerErrorRedaction(IOptions<CloudOptions> cloud, IOptions<AzureIdentityOptions> identity)
    {
        var subscriptionId = ResourceId.TryParse(cloud.Value.DnsZoneResourceGroupId, out var zoneGroup) ? zoneGroup.SubscriptionId : "";
        if (subscriptionId.Length > 0)
        {
            _rpResourceIds = new Regex($@"/subscriptions/{Regex.Escape(subscriptionId)}(?![0-9A-Za-z-])[^\s'"",;)\]}}]*", Options);
            _rpSubscription = WholeIds([subscriptionId]);
        }

        string[] identities = [.. new[] { identity.Value.ManagedIdentityClientId, identity.Value.ManagedIdentityObjectId }
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id!.Trim())];
        _rpIdentities = identities.Length == 0 ? null : WholeIds(identities);
    }

    /// <summary>The error with the RP's own ids replaced, in its message and target and in every detail.</summary>
    public CloudErrorBody Redact(CloudErrorBody error) => error with
    {
        Message = Redact(error.Message)!,
        Target = Redact(error.Target),
        Details = error.Details?.Select(Redact).ToArray(),
    };

    private string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // ARM names the caller of a refused request, and the caller is always the RP (customers' credentials never call).
        text = CallerIdentity().Replace(text, $"client '{InternalIdentity}' with object id '{InternalIdentity}'");
        text = _rpResourceIds?.Replace(text, InternalResource) ?? text;
        text = _rpSubscription?.Replace(text, InternalSubscription) ?? text;
        text = _rpIdentities?.Replace(text, InternalIdentity) ?? text;
        return text;
    }

    /// <summary>Any of <paramref name="ids"/> standing alone: not part of a longer id.</summary>
    private static Regex WholeIds(IEnumerable<string> ids) =>
        new($"(?<![0-9A-Za-z-])(?:{string.Join('|', ids.Select(Regex.Escape))})(?![0-9A-Za-z-])", Options);

    [GeneratedRegex(@"client '[0-9a-f-]{36}' with object id '[0-9a-f-]{36}'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallerIdentity();
}
