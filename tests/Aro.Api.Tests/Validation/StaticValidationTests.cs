using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Tests.TestData;
using Aro.Api.Versioning;
using static Aro.Api.Tests.TestData.ClusterFixture;

namespace Aro.Api.Tests.Validation;

/// <summary>
/// The static validation table both external versions share. Each version's test class derives from
/// this one, supplies its api and adds its own rows (the VM sizes differ).
/// </summary>
public abstract class StaticValidationTests
{
    private const string InvalidParameter = CloudErrorCodes.InvalidParameter;
    private const string PropertyChangeNotAllowed = CloudErrorCodes.PropertyChangeNotAllowed;
    private const string OtherVnetSubnetId = "/subscriptions/" + SubscriptionId + "/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/other/subnets/worker";
    private const string OtherSubscriptionSubnetId = "/subscriptions/" + OtherSubscriptionId + "/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master";

    private static readonly ValidationCase[] Cases =
    [
        // Resource envelope.
        new("valid", _ => { }),
        new("id, name and type omitted", b => { b.Remove("id"); b.Remove("name"); b.Remove("type"); }),
        new("id mismatch", b => b["id"] = ResourceId + "x", CloudErrorCodes.MismatchingResourceId, "id",
            $"The provided resource ID '{ResourceId}x' did not match the name in the Url '{ResourceId}'."),
        new("id in other case", b => b["id"] = ResourceId.ToUpperInvariant()),
        new("name mismatch", b => b["name"] = "other", CloudErrorCodes.MismatchingResourceName, "name",
            "The provided resource name 'other' did not match the name in the Url 'resourceName'."),
        new("type mismatch", b => b["type"] = "Microsoft.RedHatOpenShift/other", CloudErrorCodes.MismatchingResourceType, "type",
            "The provided resource type 'Microsoft.RedHatOpenShift/other' did not match the name in the Url 'Microsoft.RedHatOpenShift/openShiftClusters'."),
        new("type in other case", b => b["type"] = "microsoft.redhatopenshift/OPENSHIFTCLUSTERS"),
        new("location mismatch", b => b["location"] = "westus", InvalidParameter, "location", "The provided location 'westus' is invalid."),
        new("location missing", b => b.Remove("location"), InvalidParameter, "location", "The provided location '' is invalid."),
        new("location in other case", b => b["location"] = "EastUS"),
        new("tags omitted", b => b.Remove("tags")),
        new("tags at ARM's limits", b => b["tags"] = Tags(50, 512, 256)),
        new("tags over ARM's count", b => b["tags"] = Tags(51, 10, 10), InvalidParameter, "tags",
            "The resource has 51 tags; at most 50 are allowed."),
        new("tag name over ARM's length", b => b["tags"] = Tags(1, 513, 10), InvalidParameter, "tags",
            $"The tag name '{new string('n', 40)}...' is invalid: tag names must be 1 to 512 characters long."),
        new("tag name empty", b => b["tags"] = new JsonObject { [""] = "v" }, InvalidParameter, "tags",
            "The tag name '' is invalid: tag names must be 1 to 512 characters long."),
        new("tag value over ARM's length", b => b["tags"] = Tags(1, 10, 257), InvalidParameter, "tags",
            "The value of tag 'nnnnnnnnn0' is invalid: tag values must be strings of at most 256 characters."),
        new("tag value null", b => b["tags"] = new JsonObject { ["owner"] = null }, InvalidParameter, "tags",
            "The value of tag 'owner' is invalid: tag values must be strings of at most 256 characters."),
        new("tags over ARM's count on update", b => b["tags"] = Tags(51, 10, 10), InvalidParameter, "tags",
            "The resource has 51 tags; at most 50 are allowed.", IsUpdate: true),

        // Provisioning state (read-only, but its spelling is checked).
        new("provisioning state unknown", b => b.Properties()["provisioningState"] = "Bogus", InvalidParameter, "properties.provisioningState",
            "The provided provisioning state 'Bogus' is invalid."),
        new("provisioning state known on create", b => b.Properties()["provisioningState"] = "Succeeded"),

        // Cluster profile.
        new("pull secret not json", b => b.Profile("clusterProfile")["pullSecret"] = "not json", InvalidParameter, "properties.clusterProfile.pullSecret",
            "The provided pull secret is invalid."),
        new("pull secret not an object", b => b.Profile("clusterProfile")["pullSecret"] = "[]", InvalidParameter, "properties.clusterProfile.pullSecret",
            "The provided pull secret is invalid."),
        new("pull secret auths not an object", b => b.Profile("clusterProfile")["pullSecret"] = "{\"auths\":1}", InvalidParameter, "properties.clusterProfile.pullSecret",
            "The provided pull secret is invalid."),
        new("pull secret omitted", b => b.Profile("clusterProfile").Remove("pullSecret")),
        new("domain invalid", b => b.Profile("clusterProfile")["domain"] = "-cluster", InvalidParameter, "properties.clusterProfile.domain",
            "The provided domain '-cluster' is invalid."),
        new("domain upper case", b => b.Profile("clusterProfile")["domain"] = "Cluster.example.com", InvalidParameter, "properties.clusterProfile.domain",
            "The provided domain 'Cluster.example.com' is invalid."),
        new("domain with leading digit on create", b => b.Profile("clusterProfile")["domain"] = "1cluster", InvalidParameter, "properties.clusterProfile.domain",
            "The provided domain '1cluster' is invalid."),
        new("domain fully qualified", b => b.Profile("clusterProfile")["domain"] = "cluster.example.com"),
        new("resource group id malformed", b => b.Profile("clusterProfile")["resourceGroupId"] = "/subscriptions/x/resourceGroups/y", InvalidParameter,
            "properties.clusterProfile.resourceGroupId", "The provided resource group '/subscriptions/x/resourceGroups/y' is invalid."),
        new("resource group id in other subscription", b => b.Profile("clusterProfile")["resourceGroupId"] = $"/subscriptions/{OtherSubscriptionId}/resourceGroups/clusterResourceGroup",
            InvalidParameter, "properties.clusterProfile.resourceGroupId",
            $"The provided resource group '/subscriptions/{OtherSubscriptionId}/resourceGroups/clusterResourceGroup' is invalid: must be in same subscription as cluster."),
        new("resource group id is the cluster's own group", b => b.Profile("clusterProfile")["resourceGroupId"] = $"/subscriptions/{SubscriptionId}/resourcegroups/RESOURCEGROUP",
            InvalidParameter, "properties.clusterProfile.resourceGroupId",
            $"The provided resource group '/subscriptions/{SubscriptionId}/resourcegroups/RESOURCEGROUP' is invalid: must be different from resourceGroup of the OpenShift cluster object."),

        // Service principal.
        new("client id not a guid", b => b.Profile("servicePrincipalProfile")["clientId"] = "clientId", InvalidParameter, "properties.servicePrincipalProfile.clientId",
            "The provided client ID 'clientId' is invalid."),
        new("client secret empty", b => b.Profile("servicePrincipalProfile")["clientSecret"] = "", InvalidParameter, "properties.servicePrincipalProfile.clientSecret",
            "The provided client secret is invalid."),
        new("client secret omitted on create", b => b.Profile("servicePrincipalProfile").Remove("clientSecret"), InvalidParameter,
            "properties.servicePrincipalProfile.clientSecret", "The provided client secret is invalid."),

        // Network profile.
        new("pod cidr unparsable", b => b.Profile("networkProfile")["podCidr"] = "foo", InvalidParameter, "properties.networkProfile.podCidr",
            "The provided pod CIDR 'foo' is invalid: 'invalid CIDR address: foo'."),
        new("pod cidr ipv6", b => b.Profile("networkProfile")["podCidr"] = "fd00::/48", InvalidParameter, "properties.networkProfile.podCidr",
            "The provided pod CIDR 'fd00::/48' is invalid: must be IPv4."),
        new("pod cidr too small", b => b.Profile("networkProfile")["podCidr"] = "10.128.0.0/19", InvalidParameter, "properties.networkProfile.podCidr",
            "The provided vnet CIDR '10.128.0.0/19' is invalid: must be /18 or larger."),
        new("pod cidr smallest allowed", b => b.Profile("networkProfile")["podCidr"] = "10.128.0.0/18"),
        new("service cidr unparsable", b => b.Profile("networkProfile")["serviceCidr"] = "172.30.0.0", InvalidParameter, "properties.networkProfile.serviceCidr",
            "The provided service CIDR '172.30.0.0' is invalid: 'invalid CIDR address: 172.30.0.0'."),
        new("service cidr ipv6", b => b.Profile("networkProfile")["serviceCidr"] = "fd01::/112", InvalidParameter, "properties.networkProfile.serviceCidr",
            "The provided service CIDR 'fd01::/112' is invalid: must be IPv4."),
        new("service cidr too small", b => b.Profile("networkProfile")["serviceCidr"] = "172.30.0.0/23", InvalidParameter, "properties.networkProfile.serviceCidr",
            "The provided vnet CIDR '172.30.0.0/23' is invalid: must be /22 or larger."),
        new("service cidr smallest allowed", b => b.Profile("networkProfile")["serviceCidr"] = "172.30.0.0/22"),

        // Master profile.
        new("master vm size unknown", b => b.Profile("masterProfile")["vmSize"] = "Standard_D8s_v9", InvalidParameter, "properties.masterProfile.vmSize",
            "The provided master VM size 'Standard_D8s_v9' is invalid."),
        new("master vm size in other case", b => b.Profile("masterProfile")["vmSize"] = "standard_d8s_v3", InvalidParameter, "properties.masterProfile.vmSize",
            "The provided master VM size 'standard_d8s_v3' is invalid."),
        new("master subnet malformed", b => b.Profile("masterProfile")["subnetId"] = VnetId, InvalidParameter, "properties.masterProfile.subnetId",
            $"The provided master VM subnet '{VnetId}' is invalid."),
        new("master subnet in other subscription", b => b.Profile("masterProfile")["subnetId"] = OtherSubscriptionSubnetId, InvalidParameter,
            "properties.masterProfile.subnetId", $"The provided master VM subnet '{OtherSubscriptionSubnetId}' is invalid: must be in same subscription as cluster."),

        // API server profile.
        new("apiserver visibility unknown", b => b.Profile("apiserverProfile")["visibility"] = "Hidden", InvalidParameter, "properties.apiserverProfile.visibility",
            "The provided visibility 'Hidden' is invalid."),
        new("apiserver visibility lower case", b => b.Profile("apiserverProfile")["visibility"] = "public", InvalidParameter, "properties.apiserverProfile.visibility",
            "The provided visibility 'public' is invalid."),
        new("apiserver private", b => b.Profile("apiserverProfile")["visibility"] = "Private"),

        // Worker profiles.
        new("no worker profile", b => b.Properties()["workerProfiles"] = new JsonArray(), InvalidParameter, "properties.workerProfiles",
            "There should be exactly one worker profile."),
        new("worker profiles omitted", b => b.Properties().Remove("workerProfiles"), InvalidParameter, "properties.workerProfiles",
            "There should be exactly one worker profile."),
        new("two worker profiles", b => b.Properties()["workerProfiles"]!.AsArray().Add(b.Worker().DeepClone()), InvalidParameter, "properties.workerProfiles",
            "There should be exactly one worker profile."),
        new("worker name", b => b.Worker()["name"] = "workers", InvalidParameter, "properties.workerProfiles['workers'].name",
            "The provided worker name 'workers' is invalid."),
        new("worker vm size unknown", b => b.Worker()["vmSize"] = "Standard_A1", InvalidParameter, "properties.workerProfiles['worker'].vmSize",
            "The provided worker VM size 'Standard_A1' is invalid."),
        new("worker disk too small", b => b.Worker()["diskSizeGB"] = 127, InvalidParameter, "properties.workerProfiles['worker'].diskSizeGB",
            "The provided worker disk size '127' is invalid."),
        new("worker disk omitted", b => b.Worker().Remove("diskSizeGB"), InvalidParameter, "properties.workerProfiles['worker'].diskSizeGB",
            "The provided worker disk size '0' is invalid."),
        new("worker subnet malformed", b => b.Worker()["subnetId"] = "worker", InvalidParameter, "properties.workerProfiles['worker'].subnetId",
            "The provided worker VM subnet 'worker' is invalid."),
        new("worker subnet in other subscription", b => b.Worker()["subnetId"] = OtherSubscriptionSubnetId, InvalidParameter, "properties.workerProfiles['worker'].subnetId",
            $"The provided worker VM subnet '{OtherSubscriptionSubnetId}' is invalid: must be in same subscription as cluster."),
        new("worker subnet in other vnet", b => b.Worker()["subnetId"] = OtherVnetSubnetId, InvalidParameter, "properties.workerProfiles['worker'].subnetId",
            $"The provided worker VM subnet '{OtherVnetSubnetId}' is invalid: must be in the same vnet as master VM subnet '{MasterSubnetId}'."),
        new("worker subnet is master subnet", b => b.Worker()["subnetId"] = MasterSubnetId.ToUpperInvariant(), InvalidParameter, "properties.workerProfiles['worker'].subnetId",
            $"The provided worker VM subnet '{MasterSubnetId.ToUpperInvariant()}' is invalid: must be different to master VM subnet '{MasterSubnetId}'."),
        new("worker subnet vnet in other case", b => b.Worker()["subnetId"] = WorkerSubnetId.Replace("/virtualNetworks/vnet/", "/VIRTUALNETWORKS/VNET/", StringComparison.Ordinal)),
        new("worker count too low", b => b.Worker()["count"] = 2, InvalidParameter, "properties.workerProfiles['worker'].count",
            "The provided worker count '2' is invalid."),
        new("worker count too high", b => b.Worker()["count"] = 21, InvalidParameter, "properties.workerProfiles['worker'].count",
            "The provided worker count '21' is invalid."),
        new("worker count maximum", b => b.Worker()["count"] = 20),

        // Ingress profiles.
        new("no ingress profile", b => b.Properties()["ingressProfiles"] = new JsonArray(), InvalidParameter, "properties.ingressProfiles",
            "There should be exactly one ingress profile."),
        new("two ingress profiles", b => b.Properties()["ingressProfiles"]!.AsArray().Add(b.Ingress().DeepClone()), InvalidParameter, "properties.ingressProfiles",
            "There should be exactly one ingress profile."),
        new("ingress name", b => b.Ingress()["name"] = "other", InvalidParameter, "properties.ingressProfiles['other'].name",
            "The provided ingress name 'other' is invalid."),
        new("ingress visibility", b => b.Ingress()["visibility"] = "Internal", InvalidParameter, "properties.ingressProfiles['default'].visibility",
            "The provided visibility 'Internal' is invalid."),

        // Updates: the body starts as the stored cluster's external form (no secrets), as after a PATCH merge.
        new("update unchanged", _ => { }, IsUpdate: true),
        new("update tags", b => b["tags"] = new JsonObject { ["other"] = "tag" }, IsUpdate: true),
        new("update removes tags", b => b.Remove("tags"), IsUpdate: true),
        new("update scales workers", b => b.Worker()["count"] = 5, IsUpdate: true),
        new("update scales beyond the maximum", b => b.Worker()["count"] = 21, InvalidParameter, "properties.workerProfiles['worker'].count",
            "The provided worker count '21' is invalid.", IsUpdate: true),
        new("update id and name in other case", b => { b["id"] = ResourceId.ToLowerInvariant(); b["name"] = "RESOURCENAME"; }, IsUpdate: true),
        new("update location in other case", b => b["location"] = "EASTUS", IsUpdate: true),
        new("update keeps a leading-digit domain", _ => { }, IsUpdate: true, MutateExisting: e => e.Properties.ClusterProfile.Domain = "1cluster"),
        new("update domain", b => b.Profile("clusterProfile")["domain"] = "other", PropertyChangeNotAllowed, "properties.clusterProfile.domain",
            "Changing property 'properties.clusterProfile.domain' is not allowed.", IsUpdate: true),
        new("update resource group id", b => b.Profile("clusterProfile")["resourceGroupId"] = ClusterResourceGroupId + "2", PropertyChangeNotAllowed,
            "properties.clusterProfile.resourceGroupId", "Changing property 'properties.clusterProfile.resourceGroupId' is not allowed.", IsUpdate: true),
        new("update client id", b => b.Profile("servicePrincipalProfile")["clientId"] = "7f3a9b1c-5d6e-4f70-8a9b-0c1d2e3f4a5b", PropertyChangeNotAllowed,
            "properties.servicePrincipalProfile.clientId", "Changing property 'properties.servicePrincipalProfile.clientId' is not allowed.", IsUpdate: true),
        new("update sends the same client secret", b => b.Profile("servicePrincipalProfile")["clientSecret"] = ClientSecret, IsUpdate: true),
        new("update sends another client secret", b => b.Profile("servicePrincipalProfile")["clientSecret"] = "rotated", PropertyChangeNotAllowed,
            "properties.servicePrincipalProfile.clientSecret", "Changing property 'properties.servicePrincipalProfile.clientSecret' is not allowed.", IsUpdate: true),
        new("update sends the same pull secret", b => b.Profile("clusterProfile")["pullSecret"] = PullSecret, IsUpdate: true),
        new("update sends another pull secret", b => b.Profile("clusterProfile")["pullSecret"] = "{\"auths\":{}}", PropertyChangeNotAllowed,
            "properties.clusterProfile.pullSecret", "Changing property 'properties.clusterProfile.pullSecret' is not allowed.", IsUpdate: true),
        new("update pod cidr", b => b.Profile("networkProfile")["podCidr"] = "10.0.0.0/14", PropertyChangeNotAllowed, "properties.networkProfile.podCidr",
            "Changing property 'properties.networkProfile.podCidr' is not allowed.", IsUpdate: true),
        new("update master vm size", b => b.Profile("masterProfile")["vmSize"] = "Standard_D4s_v3", PropertyChangeNotAllowed, "properties.masterProfile.vmSize",
            "Changing property 'properties.masterProfile.vmSize' is not allowed.", IsUpdate: true),
        new("update worker disk size", b => b.Worker()["diskSizeGB"] = 256, PropertyChangeNotAllowed, "properties.workerProfiles['worker'].diskSizeGB",
            "Changing property 'properties.workerProfiles['worker'].diskSizeGB' is not allowed.", IsUpdate: true),
        new("update worker vm size", b => b.Worker()["vmSize"] = "Standard_D8s_v3", PropertyChangeNotAllowed, "properties.workerProfiles['worker'].vmSize",
            "Changing property 'properties.workerProfiles['worker'].vmSize' is not allowed.", IsUpdate: true),
        new("update apiserver visibility", b => b.Profile("apiserverProfile")["visibility"] = "Private", PropertyChangeNotAllowed,
            "properties.apiserverProfile.visibility", "Changing property 'properties.apiserverProfile.visibility' is not allowed.", IsUpdate: true),
        new("update ingress visibility", b => b.Ingress()["visibility"] = "Private", PropertyChangeNotAllowed,
            "properties.ingressProfiles['default'].visibility", "Changing property 'properties.ingressProfiles['default'].visibility' is not allowed.", IsUpdate: true),
        new("update provisioning state", b => b.Properties()["provisioningState"] = "Failed", PropertyChangeNotAllowed, "properties.provisioningState",
            "Changing property 'properties.provisioningState' is not allowed.", IsUpdate: true),
        new("update provisioning state omitted", b => b.Properties().Remove("provisioningState"), IsUpdate: true),
        new("update cluster version", b => b.Profile("clusterProfile")["version"] = "4.4.0", PropertyChangeNotAllowed, "properties.clusterProfile.version",
            "Changing property 'properties.clusterProfile.version' is not allowed.", IsUpdate: true),
        new("update console url", b => b.Profile("consoleProfile")["url"] = "https://elsewhere/", PropertyChangeNotAllowed, "properties.consoleProfile.url",
            "Changing property 'properties.consoleProfile.url' is not allowed.", IsUpdate: true),
        new("update console profile omitted", b => b.Properties().Remove("consoleProfile"), IsUpdate: true),
        new("update apiserver ip", b => b.Profile("apiserverProfile")["ip"] = "5.6.7.8", PropertyChangeNotAllowed, "properties.apiserverProfile.ip",
            "Changing property 'properties.apiserverProfile.ip' is not allowed.", IsUpdate: true),
        new("update apiserver url", b => b.Profile("apiserverProfile")["url"] = "https://elsewhere:6443/", PropertyChangeNotAllowed, "properties.apiserverProfile.url",
            "Changing property 'properties.apiserverProfile.url' is not allowed.", IsUpdate: true),
        new("update ingress ip", b => b.Ingress()["ip"] = "5.6.7.8", PropertyChangeNotAllowed, "properties.ingressProfiles['default'].ip",
            "Changing property 'properties.ingressProfiles['default'].ip' is not allowed.", IsUpdate: true),
        new("update read-only fields omitted", b =>
        {
            b.Properties().Remove("provisioningState");
            b.Profile("clusterProfile").Remove("version");
            b.Profile("apiserverProfile").Remove("url");
            b.Profile("apiserverProfile").Remove("ip");
            b.Ingress().Remove("ip");
        }, IsUpdate: true),
        new("update location", b => b["location"] = "westus", InvalidParameter, "location", "The provided location 'westus' is invalid.", IsUpdate: true),
    ];

    protected abstract IOpenShiftClusterApi Api { get; }

    // Tags with names of nameLength characters (ending in their index) and values of valueLength characters.
    private static JsonObject Tags(int count, int nameLength, int valueLength)
    {
        var tags = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            var suffix = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            tags[new string('n', nameLength - suffix.Length) + suffix] = new string('v', valueLength);
        }

        return tags;
    }

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames), MemberType = typeof(StaticValidationTests))]
    public void Validates(string name) => Run(Cases.Single(c => c.Name == name));

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Undeserialisable_body_throws_json_exception()
    {
        var body = ValidBody();
        body.Worker()["count"] = "three";

        Assert.ThrowsAny<JsonException>(() => Api.ReadRequest(body, CreateContext()));
    }

    [Fact]
    public void Non_object_body_throws_json_exception() =>
        Assert.ThrowsAny<JsonException>(() => Api.ReadRequest(JsonValue.Create(42), CreateContext()));

    [Fact]
    public void Update_keeps_the_new_worker_count()
    {
        var existing = Existing();
        var body = Api.WriteResource(existing);
        body.Worker()["count"] = 7;

        var cluster = Api.ReadRequest(body, UpdateContext(existing));

        Assert.Equal(7, cluster.Properties.WorkerProfiles[0].Count);
    }

    /// <summary>Runs one row against this version's api.</summary>
    protected void Run(ValidationCase row)
    {
        JsonObject body;
        StaticValidationContext context;
        if (row.IsUpdate)
        {
            var existing = Existing();
            row.MutateExisting?.Invoke(existing);
            body = Api.WriteResource(existing);
            context = UpdateContext(existing);
        }
        else
        {
            body = ValidBody();
            context = CreateContext();
        }

        row.Mutate(body);

        if (row.Code is null)
        {
            var cluster = Api.ReadRequest(body, context);
            Assert.NotNull(cluster);
            return;
        }

        var error = Assert.Throws<CloudError>(() => Api.ReadRequest(body, context));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(row.Code, error.Body.Code);
        Assert.Equal(row.Message, error.Body.Message);
        Assert.Equal(row.Target, error.Body.Target);
    }
}
