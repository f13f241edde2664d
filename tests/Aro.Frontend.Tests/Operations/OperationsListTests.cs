using System.Net;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class OperationsListTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateClient());

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Operations_list_names_every_operation_of_the_RP(string apiVersion)
    {
        var body = await (await _arm.GetAsync($"/providers/Microsoft.RedHatOpenShift/operations?api-version={apiVersion}")).AssertStatusAsync(HttpStatusCode.OK);

        var names = body["value"]!.AsArray().Select(o => (string)o!["name"]!).ToList();
        Assert.Contains("Microsoft.RedHatOpenShift/openShiftClusters/read", names);
        Assert.Contains("Microsoft.RedHatOpenShift/openShiftClusters/write", names);
        Assert.Contains("Microsoft.RedHatOpenShift/openShiftClusters/delete", names);
        Assert.Contains("Microsoft.RedHatOpenShift/openShiftClusters/listCredentials/action", names);
        Assert.Contains("Microsoft.RedHatOpenShift/locations/operationsstatus/read", names);
        Assert.All(body["value"]!.AsArray(), o => Assert.Equal("Azure Red Hat OpenShift", (string?)o!["display"]!["provider"]));
    }

    [Fact]
    public async Task Operations_list_with_an_unknown_api_version_is_InvalidResourceType()
    {
        var response = await _arm.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=1999-01-01");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidResourceType",
            "The resource type '' could not be found in the namespace 'microsoft.redhatopenshift' for api version '1999-01-01'.");
    }
}
