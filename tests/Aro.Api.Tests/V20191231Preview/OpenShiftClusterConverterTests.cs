using System.Text.Json;
using Aro.Api.Model;
using Aro.Api.V20191231Preview;
using static Aro.Api.Tests.TestData.ClusterFixture;

namespace Aro.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterConverterTests
{
    [Fact]
    public void ToExternal_leaves_secrets_out()
    {
        var external = OpenShiftClusterConverter.ToExternal(Existing());

        Assert.Null(external.Properties!.ClusterProfile!.PullSecret);
        Assert.Null(external.Properties.ServicePrincipalProfile!.ClientSecret);
    }

    [Fact]
    public void Round_trip_over_the_stored_cluster_keeps_everything()
    {
        var existing = Existing();
        existing.Properties.FailedProvisioningState = ProvisioningState.Updating;
        existing.Properties.LastError = new CloudErrorBody("Code", "Message");

        var roundTripped = OpenShiftClusterConverter.ToInternal(OpenShiftClusterConverter.ToExternal(existing), existing);

        Assert.Equal(Snapshot(existing), Snapshot(roundTripped));
    }

    [Fact]
    public void Round_trip_without_a_stored_cluster_drops_only_secrets_read_only_and_internal_fields()
    {
        var expected = Existing();
        expected.Properties.ProvisioningState = default;
        expected.Properties.ClusterProfile.PullSecret = null;
        expected.Properties.ClusterProfile.Version = "";
        expected.Properties.ConsoleProfile.Url = null;
        expected.Properties.ServicePrincipalProfile.ClientSecret = null;
        expected.Properties.ApiServerProfile.Url = null;
        expected.Properties.ApiServerProfile.Ip = null;
        expected.Properties.IngressProfiles[0].Ip = null;
        expected.Properties.Credentials = null;

        var roundTripped = OpenShiftClusterConverter.ToInternal(OpenShiftClusterConverter.ToExternal(Existing()), null);

        Assert.Equal(Snapshot(expected), Snapshot(roundTripped));
    }

    [Fact]
    public void ToInternal_takes_read_only_fields_from_the_stored_cluster_not_the_body()
    {
        var external = OpenShiftClusterConverter.ToExternal(Existing());
        external.Properties!.ProvisioningState = "Failed";
        external.Properties.ConsoleProfile!.Url = "https://elsewhere/";
        external.Properties.ApiServerProfile!.Ip = "9.9.9.9";
        external.Properties.IngressProfiles![0].Ip = "9.9.9.9";
        external.Properties.ClusterProfile!.Version = "9.9.9";

        var cluster = OpenShiftClusterConverter.ToInternal(external, Existing());

        Assert.Equal(Snapshot(Existing()), Snapshot(cluster));
    }

    [Fact]
    public void ToInternal_replaces_secrets_and_tags_the_body_sends()
    {
        var external = OpenShiftClusterConverter.ToExternal(Existing());
        external.Tags = null;
        external.Properties!.ClusterProfile!.PullSecret = "{}";
        external.Properties.ServicePrincipalProfile!.ClientSecret = "other";

        var cluster = OpenShiftClusterConverter.ToInternal(external, Existing());

        Assert.Null(cluster.Tags);
        Assert.Equal("{}", cluster.Properties.ClusterProfile.PullSecret);
        Assert.Equal("other", cluster.Properties.ServicePrincipalProfile.ClientSecret);
    }

    // The internal model serialised in full (secrets included) so a comparison misses nothing.
    private static string Snapshot(Model.OpenShiftCluster cluster) => JsonSerializer.Serialize(cluster);
}
