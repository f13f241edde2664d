using Aro.Cloud.Resources;

namespace Aro.Cloud.Tests.Resources;

public sealed class ResourceGroupsTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private readonly IResourceGroups _groups = cloud.Get<IResourceGroups>();

    [Fact]
    public async Task Ensure_creates_once_and_delete_tolerates_a_missing_group()
    {
        var id = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-ensure";

        Assert.False(await _groups.ExistsAsync(id, CancellationToken.None));
        await _groups.EnsureAsync(id, "eastus", new Dictionary<string, string> { ["owner"] = "test" }, CancellationToken.None);
        await _groups.EnsureAsync(id, "westus", tags: null, CancellationToken.None);
        Assert.True(await _groups.ExistsAsync(id, CancellationToken.None));

        await _groups.DeleteAsync(id, CancellationToken.None);
        await _groups.DeleteAsync(id, CancellationToken.None);
        Assert.False(await _groups.ExistsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Ensure_leaves_an_existing_group_as_it_is_and_create_or_update_sets_it()
    {
        var id = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/rg-create-or-update";

        await _groups.CreateOrUpdateAsync(id, "eastus", new Dictionary<string, string> { ["owner"] = "first" }, CancellationToken.None);
        await _groups.EnsureAsync(id, "eastus", new Dictionary<string, string> { ["owner"] = "ensured" }, CancellationToken.None);
        Assert.Equal("first", (await _groups.GetAsync(id, CancellationToken.None))!.Tags["owner"]);

        await _groups.CreateOrUpdateAsync(id, "eastus", new Dictionary<string, string> { ["owner"] = "second" }, CancellationToken.None);
        Assert.Equal("second", (await _groups.GetAsync(id, CancellationToken.None))!.Tags["owner"]);
    }
}
