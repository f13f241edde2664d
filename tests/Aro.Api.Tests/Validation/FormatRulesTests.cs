using Aro.Api.Validation;

namespace Aro.Api.Tests.Validation;

/// <summary>The small format rules the static validators share.</summary>
public sealed class FormatRulesTests
{
    private const string Subscription = "af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1";

    [Theory]
    [InlineData("af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1", true)]
    [InlineData("AF848F0A-DBE3-449F-9CCD-6F23AC6EF9F1", true)]
    [InlineData("af848f0adbe3449f9ccd6f23ac6ef9f1", false)]
    [InlineData("{af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1}", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Uuid_accepts_the_canonical_form_only(string? value, bool valid) => Assert.Equal(valid, Uuid.IsValid(value));

    [Theory]
    [InlineData("cluster", true, true)]
    [InlineData("cluster.example.com", true, true)]
    [InlineData("my-cluster.eastus.aroapp.io", true, true)]
    [InlineData("1cluster", false, true)]
    [InlineData("Cluster", false, false)]
    [InlineData("-cluster", false, false)]
    [InlineData("cluster-", false, false)]
    [InlineData("cluster..com", false, false)]
    [InlineData("", false, false)]
    public void DomainName_is_stricter_on_create(string domain, bool validOnCreate, bool validOnUpdate)
    {
        Assert.Equal(validOnCreate, DomainName.IsValid(domain, isCreate: true));
        Assert.Equal(validOnUpdate, DomainName.IsValid(domain, isCreate: false));
    }

    [Theory]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg", true)]
    [InlineData($"/SUBSCRIPTIONS/{Subscription}/RESOURCEGROUPS/My.Group(1)", true)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg.", false)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/", false)]
    [InlineData("/subscriptions/sub/resourceGroups/rg", false)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", false)]
    public void ResourceGroupId_must_be_well_formed(string id, bool valid) => Assert.Equal(valid, ResourceGroupId.IsWellFormed(id));

    [Theory]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master", true)]
    [InlineData($"/subscriptions/{Subscription}/resourcegroups/rg/providers/microsoft.network/virtualnetworks/vnet/subnets/master", true)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", false)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualNetworks/vnet/subnets/master", false)]
    [InlineData($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/master", false)]
    [InlineData("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master", false)]
    public void SubnetId_must_be_well_formed(string id, bool valid) => Assert.Equal(valid, SubnetId.IsWellFormed(id));

    [Fact]
    public void SubnetId_knows_its_vnet_and_subscription()
    {
        const string id = $"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master";

        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", SubnetId.VirtualNetworkOf(id));
        Assert.Equal(Subscription, SubnetId.SubscriptionOf(id));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("{}", true)]
    [InlineData("""{"auths":{"registry.redhat.io":{"auth":"x"}}}""", true)]
    [InlineData("""{"auths":null}""", true)]
    [InlineData("not json", false)]
    [InlineData("[]", false)]
    [InlineData("\"text\"", false)]
    [InlineData("""{"auths":[]}""", false)]
    [InlineData("""{"auths":{"registry.redhat.io":"x"}}""", false)]
    public void PullSecret_is_docker_config_json(string? pullSecret, bool valid) => Assert.Equal(valid, PullSecret.IsValid(pullSecret));

    private const string SubnetIdValue = $"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master";

    /// <summary>
    /// Every name and id rule, fed a value it accepts and then that value with a trailing newline (which .NET's
    /// <c>$</c> would let through), a trailing space and a leading space: only the exact value is accepted.
    /// </summary>
    public static TheoryData<string, Func<string, bool>, string> WholeStringRules => new()
    {
        { "client and subscription ids", Uuid.IsValid, Subscription },
        { "domain on create", d => DomainName.IsValid(d, isCreate: true), "cluster" },
        { "domain on update", d => DomainName.IsValid(d, isCreate: false), "1cluster.example.com" },
        { "resource group id", ResourceGroupId.IsWellFormed, $"/subscriptions/{Subscription}/resourceGroups/rg" },
        { "subnet id", SubnetId.IsWellFormed, SubnetIdValue },
    };

    [Theory]
    [MemberData(nameof(WholeStringRules))]
    public void Name_and_id_rules_accept_the_whole_string_only(string rule, Func<string, bool> isValid, string valid)
    {
        Assert.True(isValid(valid), rule);
        foreach (var variant in new[] { valid + "\n", valid + "\r\n", valid + " ", " " + valid, "\n" + valid, valid + "\0" })
        {
            Assert.False(isValid(variant), $"{rule} accepted {System.Text.Json.JsonSerializer.Serialize(variant)}");
        }
    }
}
