using Aro.Api;
using Aro.Api.Model;
using Aro.Frontend.Clusters;

namespace Aro.Frontend.Tests.Clusters;

/// <summary>Which changes are tags alone (ADR 0006): each row changes the stored cluster in one way.</summary>
public sealed class ClusterChangeTests
{
    private static readonly (string Name, Action<OpenShiftCluster> Change, bool TagsOnly)[] Cases =
    [
        ("a tag added", c => c.Tags!["owner"] = "me", true),
        ("a tag value changed", c => c.Tags!["team"] = "core", true),
        ("the tags removed", c => c.Tags = null, true),
        ("the tags in another order", c => c.Tags = new Dictionary<string, string> { ["b"] = "2", ["team"] = "platform", ["a"] = "1" }, false),
        ("nothing", _ => { }, false),
        ("a tag and systemData", c => { c.Tags!["owner"] = "me"; c.SystemData = new SystemData { LastModifiedBy = "someone" }; }, true),
        ("a tag and the operation bookkeeping", c => { c.Tags!["owner"] = "me"; c.Properties.ProvisioningState = ProvisioningState.Updating; c.Properties.LastError = new CloudErrorBody("X", "y", null); }, true),
        ("a tag and the worker count", c => { c.Tags!["owner"] = "me"; c.Properties.WorkerProfiles[0].Count = 4; }, false),
        ("a tag and the client secret", c => { c.Tags!["owner"] = "me"; c.Properties.ServicePrincipalProfile.ClientSecret = "rotated"; }, false),
        ("a tag and the pull secret", c => { c.Tags!["owner"] = "me"; c.Properties.ClusterProfile.PullSecret = "{\"auths\":{}}"; }, false),
        ("a tag and the api server visibility", c => { c.Tags!["owner"] = "me"; c.Properties.ApiServerProfile.Visibility = "Private"; }, false),
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Only_a_change_of_the_tags_alone_is_tags_only(string name)
    {
        var (_, change, tagsOnly) = Cases.Single(c => c.Name == name);
        var updated = Stored();
        change(updated);

        Assert.Equal(tagsOnly, ClusterChange.IsTagsOnly(Stored(), updated));
    }

    private static OpenShiftCluster Stored() => new()
    {
        Id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c",
        Name = "c",
        Type = "Microsoft.RedHatOpenShift/openShiftClusters",
        Location = "eastus",
        Tags = new Dictionary<string, string> { ["a"] = "1", ["team"] = "platform", ["b"] = "2" },
        Properties = new OpenShiftClusterProperties
        {
            ProvisioningState = ProvisioningState.Succeeded,
            ClusterProfile = new ClusterProfile { Domain = "c", PullSecret = "{\"auths\":{\"r\":{\"auth\":\"x\"}}}", Version = "4.3.0" },
            ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = "id", ClientSecret = "secret" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, SubnetId = "subnet", Count = 3 }],
            ApiServerProfile = new ApiServerProfile { Visibility = "Public" },
        },
    };
}
