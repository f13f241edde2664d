using System.Net;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Operations;

public sealed class OperationsListTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateArmClient());

    // name, display.resource, display.operation, display.description: every operation ARM may authorize, in the reference RP's order.
    private static readonly (string Name, string Resource, string Operation, string Description)[] Expected =
    [
        ("Microsoft.RedHatOpenShift/locations/operationresults/read", "locations/operationresults", "Read operation results",
            "Reads the result of an asynchronous operation on an OpenShift cluster."),
        ("Microsoft.RedHatOpenShift/locations/operationsstatus/read", "locations/operationsstatus", "Read operations status",
            "Reads the status of an asynchronous operation on an OpenShift cluster."),
        ("Microsoft.RedHatOpenShift/operations/read", "operations", "Read operations",
            "Lists the operations of the Azure Red Hat OpenShift resource provider."),
        ("Microsoft.RedHatOpenShift/openShiftClusters/read", "openShiftClusters", "Read OpenShift cluster",
            "Gets an OpenShift cluster, or lists the OpenShift clusters of a resource group or subscription."),
        ("Microsoft.RedHatOpenShift/openShiftClusters/write", "openShiftClusters", "Write OpenShift cluster",
            "Creates or updates an OpenShift cluster."),
        ("Microsoft.RedHatOpenShift/openShiftClusters/delete", "openShiftClusters", "Delete OpenShift cluster",
            "Deletes an OpenShift cluster."),
        ("Microsoft.RedHatOpenShift/openShiftClusters/listCredentials/action", "openShiftClusters", "List credentials of an OpenShift cluster",
            "Lists the kubeadmin credentials of an OpenShift cluster."),
    ];

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Operations_list_names_every_operation_with_its_display_and_origin(string apiVersion)
    {
        var body = await (await _arm.GetAsync($"/providers/Microsoft.RedHatOpenShift/operations?api-version={apiVersion}")).AssertStatusAsync(HttpStatusCode.OK);

        var expected = new JsonArray([.. Expected.Select(o => new JsonObject
        {
            ["name"] = o.Name,
            ["display"] = new JsonObject
            {
                ["provider"] = "Azure Red Hat OpenShift",
                ["resource"] = o.Resource,
                ["operation"] = o.Operation,
                ["description"] = o.Description,
            },
            ["origin"] = "user,system",
        })]);
        Assert.Equal(new JsonObject { ["value"] = expected }.ToJsonString(), body.ToJsonString());
    }

    [Fact]
    public async Task Operations_list_with_an_unknown_api_version_is_InvalidResourceType()
    {
        var response = await _arm.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=1999-01-01");

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidResourceType",
            "The resource type '' could not be found in the namespace 'microsoft.redhatopenshift' for api version '1999-01-01'.");
    }
}
