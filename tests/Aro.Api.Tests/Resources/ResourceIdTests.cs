using Aro.Api.Resources;

namespace Aro.Api.Tests.Resources;

public sealed class ResourceIdTests
{
    private const string Subscription = "af848f0a-dbe3-449f-9ccd-6f23ac6ef9f1";

    [Fact]
    public void Parses_a_top_level_resource()
    {
        var id = ResourceId.Parse($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/cluster");

        Assert.Equal(Subscription, id.SubscriptionId);
        Assert.Equal("rg", id.ResourceGroup);
        Assert.Equal("Microsoft.RedHatOpenShift", id.ProviderNamespace);
        Assert.Equal("Microsoft.RedHatOpenShift/openShiftClusters", id.ResourceType);
        Assert.Equal("cluster", id.Name);
        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/rg", id.ResourceGroupId);
        Assert.Null(id.Parent);
    }

    [Fact]
    public void Parses_child_resources_and_their_parent()
    {
        var id = ResourceId.Parse($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master");

        Assert.Equal("Microsoft.Network/virtualNetworks/subnets", id.ResourceType);
        Assert.Equal("master", id.Name);
        Assert.Equal([new ResourceTypeSegment("virtualNetworks", "vnet"), new ResourceTypeSegment("subnets", "master")], id.Segments);
        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet", id.Parent!.Id);
        Assert.Equal("vnet", id.Parent.Name);
    }

    [Fact]
    public void Matches_keywords_case_insensitively_and_keeps_value_casing()
    {
        var id = ResourceId.Parse($"/SUBSCRIPTIONS/{Subscription}/RESOURCEGROUPS/MyGroup/PROVIDERS/Microsoft.Network/virtualNetworks/MyVnet");

        Assert.Equal("MyGroup", id.ResourceGroup);
        Assert.Equal("MyVnet", id.Name);
    }

    [Fact]
    public void Parses_subscription_level_resources_and_groups()
    {
        var operation = ResourceId.Parse($"/subscriptions/{Subscription}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/op");
        var group = ResourceId.Parse($"/subscriptions/{Subscription}/resourceGroups/rg");
        var subscription = ResourceId.Parse($"/subscriptions/{Subscription}");

        Assert.Null(operation.ResourceGroup);
        Assert.Equal("Microsoft.RedHatOpenShift/locations/operationsstatus", operation.ResourceType);
        Assert.Equal("op", operation.Name);
        Assert.Equal($"/subscriptions/{Subscription}/providers/Microsoft.RedHatOpenShift/locations/eastus", operation.Parent!.Id);
        Assert.Equal("rg", group.Name);
        Assert.Null(group.ResourceType);
        Assert.Equal(Subscription, subscription.Name);
        Assert.Null(subscription.ResourceGroup);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("subscriptions/s/resourceGroups/rg")]
    [InlineData("/subscriptions")]
    [InlineData("/subscriptions/")]
    [InlineData("/tenants/t")]
    [InlineData("/subscriptions/s/resourceGroups")]
    [InlineData("/subscriptions/s/resourceGroups/rg/")]
    [InlineData("/subscriptions/s//resourceGroups/rg")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets")]
    [InlineData("/subscriptions/s/resourceGroups/rg/other/x")]
    public void Rejects_what_is_not_a_resource_id(string? id)
    {
        Assert.False(ResourceId.TryParse(id, out _));
        if (id is not null)
        {
            Assert.Throws<FormatException>(() => ResourceId.Parse(id));
        }
    }
}
