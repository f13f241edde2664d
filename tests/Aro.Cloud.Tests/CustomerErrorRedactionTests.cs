using Aro.Api;
using Aro.Cloud.Identity;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Tests;

public sealed class CustomerErrorRedactionTests
{
    private const string RpSubscription = "9e2f1a7b-0c3d-4e5f-8a9b-1c2d3e4f5a6b";
    private const string RpClientId = "11111111-2222-3333-4444-555555555555";
    private const string RpObjectId = "66666666-7777-8888-9999-000000000000";
    private const string CustomerSubscription = "4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70";
    private const string CustomerSubnet = $"/subscriptions/{CustomerSubscription}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master";
    private const string RpZone = $"/subscriptions/{RpSubscription}/resourceGroups/aro-dns/providers/Microsoft.Network/dnszones/aro.example";

    private readonly CustomerErrorRedaction _redaction = new(
        Options.Create(new CloudOptions { DnsZoneResourceGroupId = $"/subscriptions/{RpSubscription}/resourceGroups/aro-dns" }),
        Options.Create(new AzureIdentityOptions { ManagedIdentityClientId = RpClientId, ManagedIdentityObjectId = RpObjectId }));

    public static TheoryData<string, string> Messages => new()
    {
        // A resource of the RP's, quoted, in any case, as ARM and storage word it.
        { $"The resource '{RpZone}' was not found.", "The resource '<internal resource>' was not found." },
        { $"Scope {RpZone.ToUpperInvariant()}/A is locked", "Scope <internal resource> is locked" },
        { $"Parent \"{RpZone}\" (busy)", "Parent \"<internal resource>\" (busy)" },
        // The RP's subscription alone, bare or as a path.
        { $"Subscription '{RpSubscription}' is disabled.", "Subscription '<internal subscription>' is disabled." },
        { $"under /subscriptions/{RpSubscription}", "under <internal resource>" },
        // The identity the RP calls as: ARM's AuthorizationFailed wording (whatever the ids), and its configured ids bare.
        {
            $"The client '{Guid.Empty}' with object id 'ABCDEF00-0000-0000-0000-000000000001' does not have authorization to perform action 'x' over scope '{CustomerSubnet}'.",
            $"The client '<internal identity>' with object id '<internal identity>' does not have authorization to perform action 'x' over scope '{CustomerSubnet}'."
        },
        { $"Principal {RpObjectId.ToUpperInvariant()} lacks a role; app {RpClientId}.", "Principal <internal identity> lacks a role; app <internal identity>." },
        // The customer's own ids stay: the customer needs them to act.
        { $"The provided subnet '{CustomerSubnet}' could not be found.", $"The provided subnet '{CustomerSubnet}' could not be found." },
        { $"Subscription '{CustomerSubscription}' not registered.", $"Subscription '{CustomerSubscription}' not registered." },
        // A subscription id that merely starts like the RP's is another subscription.
        { $"/subscriptions/{RpSubscription}0/resourceGroups/x", $"/subscriptions/{RpSubscription}0/resourceGroups/x" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_RPs_own_ids_leave_the_message(string message, string expected)
    {
        Assert.Equal(expected, _redaction.Redact(new CloudErrorBody("Code", message)).Message);
    }

    [Fact]
    public void The_target_and_every_detail_are_redacted_and_the_code_kept()
    {
        var error = new CloudErrorBody("AuthorizationFailed", "outer", RpZone,
            [new CloudErrorBody("Inner", $"inner {RpClientId}", $"/subscriptions/{RpSubscription}/resourceGroups/aro-dns", [new CloudErrorBody("Deep", RpZone)])]);

        var redacted = _redaction.Redact(error);

        Assert.Equal("AuthorizationFailed", redacted.Code);
        Assert.Equal("<internal resource>", redacted.Target);
        var inner = Assert.Single(redacted.Details!);
        Assert.Equal("inner <internal identity>", inner.Message);
        Assert.Equal("<internal resource>", inner.Target);
        Assert.Equal("<internal resource>", Assert.Single(inner.Details!).Message);
    }

    [Fact]
    public void A_customer_target_stays()
    {
        Assert.Equal(CustomerSubnet, _redaction.Redact(new CloudErrorBody("InvalidLinkedVNet", "m", CustomerSubnet)).Target);
    }

    [Fact]
    public void Without_configured_identity_ids_the_RPs_subscription_is_still_redacted()
    {
        var redaction = new CustomerErrorRedaction(
            Options.Create(new CloudOptions { DnsZoneResourceGroupId = $"/subscriptions/{RpSubscription}/resourceGroups/aro-dns" }),
            Options.Create(new AzureIdentityOptions()));

        Assert.Equal("at <internal resource>", redaction.Redact(new CloudErrorBody("C", $"at {RpZone}")).Message);
    }
}
