using Aro.Api.Resources;

namespace Aro.Api.Tests.Resources;

public sealed class InfraIdTests
{
    private const string ResourceId = "/subscriptions/4b6c1c4a-3c4e-4d7e-9f1a-2b3c4d5e6f70/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/My_Cluster";

    [Fact]
    public void Is_the_cleaned_name_and_a_stable_suffix()
    {
        var infraId = InfraId.For(ResourceId);

        Assert.Matches("^mycluster-[bcdfghjklmnpqrstvwxz2456789]{5}$", infraId);
    }

    [Fact]
    public void Ignores_the_casing_of_the_resource_id()
    {
        Assert.Equal(InfraId.For(ResourceId), InfraId.For(ResourceId.ToUpperInvariant()));
    }

    [Fact]
    public void Differs_between_clusters_of_the_same_name()
    {
        Assert.NotEqual(InfraId.For(ResourceId), InfraId.For(ResourceId.Replace("/rg/", "/other/")));
    }

    [Fact]
    public void Keeps_long_names_short_enough_for_azure_resource_names()
    {
        var infraId = InfraId.For(ResourceId.Replace("My_Cluster", new string('a', 60)));

        Assert.Equal(26, infraId.Length);
    }
}
