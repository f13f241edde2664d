using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Contract;

/// <summary>The schema check itself: a valid cluster passes, each row breaks one thing and must be caught.</summary>
public sealed class SwaggerSchemaValidatorTests
{
    public static TheoryData<string, string, string?> Rows() => new()
    {
        { "2020-04-30", "valid", null },
        { "2019-12-31-preview", "valid", null },
        { "2020-04-30", "unknown top-level property", "$.etag: not defined by the schema" },
        { "2020-04-30", "unknown nested property", "$.properties.consoleProfile.password: not defined by the schema" },
        { "2020-04-30", "systemData, which neither version defines", "$.systemData: not defined by the schema" },
        { "2020-04-30", "enum value outside the swagger", "$.properties.provisioningState: 'Canceled' is not one of [AdminUpdating, Creating, Deleting, Failed, Succeeded, Updating]" },
        { "2020-04-30", "vm size of the preview only", "$.properties.masterProfile.vmSize: 'Standard_E8s_v3' is not one of [Standard_D2s_v3, Standard_D4s_v3, Standard_D8s_v3]" },
        { "2019-12-31-preview", "vm size of the preview only", null },
        { "2020-04-30", "integer as string", "$.properties.workerProfiles[0].count: expected integer, got String \"3\"" },
        { "2020-04-30", "required location missing", "$.location: required but missing" },
        { "2020-04-30", "write-only pull secret returned", "$.properties.clusterProfile.pullSecret: a secret, never returned" },
        { "2020-04-30", "write-only client secret returned", "$.properties.servicePrincipalProfile.clientSecret: a secret, never returned" },
        { "2020-04-30", "tag value not a string", "$.tags.team: expected string, got Number 1" },
        { "2020-04-30", "explicit null", "$.properties.consoleProfile.url: null" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Violations_are_reported_with_their_path(string apiVersion, string change, string? expected)
    {
        var cluster = ValidCluster();
        Break(cluster, change);
        var spec = SwaggerSpec.Load(apiVersion);

        var violations = SwaggerSchemaValidator.Validate(spec.SwaggerPath, new JsonObject { ["$ref"] = "#/definitions/OpenShiftCluster" }, cluster);

        Assert.Equal(expected is null ? [] : [expected], violations);
    }

    [Fact]
    public void Secrets_may_only_come_back_from_an_action_that_hands_them_out()
    {
        var spec = SwaggerSpec.Load("2020-04-30");
        var cluster = ValidCluster();
        Break(cluster, "write-only pull secret returned");

        Assert.Empty(SwaggerSchemaValidator.Validate(spec.SwaggerPath, new JsonObject { ["$ref"] = "#/definitions/OpenShiftCluster" }, cluster, secretsAllowed: true));
    }

    [Fact]
    public void Error_responses_are_held_to_the_CloudError_of_the_operation()
    {
        var contract = SwaggerResponseContract.For("2020-04-30");
        var path = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c";

        Assert.Empty(contract.Violations(HttpMethod.Get, path, 404, """{"error":{"code":"ResourceNotFound","message":"gone"}}""")!);
        Assert.Equal(["$.error.status: not defined by the schema"], contract.Violations(HttpMethod.Get, path, 404, """{"error":{"code":"x","message":"y","status":404}}"""));
        Assert.Equal(["OpenShiftClusters_Delete answers 204 without a body, ours has '{}'"], contract.Violations(HttpMethod.Delete, path, 204, "{}"));
        Assert.Null(contract.Violations(HttpMethod.Put, "/subscriptions/00000000-0000-0000-0000-000000000000", 200, "{}"));
    }

    private static JsonObject ValidCluster() => new()
    {
        ["id"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c",
        ["name"] = "c",
        ["type"] = "Microsoft.RedHatOpenShift/openShiftClusters",
        ["location"] = "eastus",
        ["tags"] = new JsonObject { ["team"] = "platform" },
        ["properties"] = new JsonObject
        {
            ["provisioningState"] = "Succeeded",
            ["clusterProfile"] = new JsonObject { ["domain"] = "c", ["version"] = "4.3.0", ["resourceGroupId"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/aro-c" },
            ["consoleProfile"] = new JsonObject { ["url"] = "https://console-openshift-console.apps.c.eastus.aroapp.io/" },
            ["servicePrincipalProfile"] = new JsonObject { ["clientId"] = "11111111-1111-1111-1111-111111111111" },
            ["networkProfile"] = new JsonObject { ["podCidr"] = "10.128.0.0/14", ["serviceCidr"] = "172.30.0.0/16" },
            ["masterProfile"] = new JsonObject { ["vmSize"] = "Standard_D8s_v3", ["subnetId"] = "/subscriptions/s/resourceGroups/v/providers/Microsoft.Network/virtualNetworks/n/subnets/master" },
            ["workerProfiles"] = new JsonArray(new JsonObject { ["name"] = "worker", ["vmSize"] = "Standard_D4s_v3", ["diskSizeGB"] = 128, ["subnetId"] = "/subscriptions/s/resourceGroups/v/providers/Microsoft.Network/virtualNetworks/n/subnets/worker", ["count"] = 3 }),
            ["apiserverProfile"] = new JsonObject { ["visibility"] = "Public", ["url"] = "https://api.c.eastus.aroapp.io:6443/", ["ip"] = "1.2.3.4" },
            ["ingressProfiles"] = new JsonArray(new JsonObject { ["name"] = "default", ["visibility"] = "Public", ["ip"] = "1.2.3.5" }),
        },
    };

    private static void Break(JsonObject cluster, string change)
    {
        var properties = cluster["properties"]!.AsObject();
        switch (change)
        {
            case "valid":
                break;
            case "unknown top-level property":
                cluster["etag"] = "\"abc\"";
                break;
            case "unknown nested property":
                properties["consoleProfile"]!["password"] = "x";
                break;
            case "systemData, which neither version defines":
                cluster["systemData"] = new JsonObject { ["createdBy"] = "someone" };
                break;
            case "enum value outside the swagger":
                properties["provisioningState"] = "Canceled";
                break;
            case "vm size of the preview only":
                properties["masterProfile"]!["vmSize"] = "Standard_E8s_v3";
                break;
            case "integer as string":
                properties["workerProfiles"]![0]!["count"] = "3";
                break;
            case "required location missing":
                cluster.Remove("location");
                break;
            case "write-only pull secret returned":
                properties["clusterProfile"]!["pullSecret"] = "{}";
                break;
            case "write-only client secret returned":
                properties["servicePrincipalProfile"]!["clientSecret"] = "s";
                break;
            case "tag value not a string":
                cluster["tags"]!["team"] = 1;
                break;
            case "explicit null":
                properties["consoleProfile"]!["url"] = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
