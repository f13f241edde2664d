using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Api.Versioning;
using static Aro.Api.Tests.TestData.ClusterFixture;

namespace Aro.Api.Tests.Versioning;

/// <summary>What the frontend relies on from every external api-version; each version's test class derives from this.</summary>
public abstract class OpenShiftClusterApiTests
{
    protected abstract IOpenShiftClusterApi Api { get; }

    protected abstract string ExpectedApiVersion { get; }

    [Fact]
    public void Serves_its_api_version()
    {
        Assert.Equal(ExpectedApiVersion, Api.ApiVersion);
        Assert.True(ApiVersionRegistry.CreateDefault().TryGet(ExpectedApiVersion, out var registered));
        Assert.Equal(Api.GetType(), registered.GetType());
    }

    [Fact]
    public void WriteResource_never_emits_secrets()
    {
        var json = Api.WriteResource(Existing()).ToJsonString();

        Assert.DoesNotContain("pullSecret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("clientSecret", json, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain("registry.redhat.io", json, StringComparison.Ordinal);
        Assert.DoesNotContain("kubeadmin", json, StringComparison.Ordinal);
        Assert.DoesNotContain("kubeconfig", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteResource_writes_the_swagger_shape()
    {
        var resource = Api.WriteResource(Existing());

        Assert.Equal(["id", "name", "type", "location", "tags", "properties"], resource.Select(p => p.Key));
        Assert.Equal(
            ["provisioningState", "clusterProfile", "consoleProfile", "servicePrincipalProfile", "networkProfile", "masterProfile", "workerProfiles", "apiserverProfile", "ingressProfiles"],
            resource.Properties().Select(p => p.Key));
        Assert.Equal("Succeeded", (string?)resource.Properties()["provisioningState"]);
        Assert.Equal(128, (int?)resource.Worker()["diskSizeGB"]);
        Assert.Equal("1.2.3.4", (string?)resource.Profile("apiserverProfile")["ip"]);
    }

    [Fact]
    public void WriteResource_omits_nulls()
    {
        var cluster = Existing();
        cluster.Tags = null;
        cluster.Properties.ConsoleProfile.Url = null;
        cluster.Properties.ClusterProfile.Version = "";

        var resource = Api.WriteResource(cluster);

        Assert.False(resource.ContainsKey("tags"));
        Assert.Empty(resource.Profile("consoleProfile"));
        Assert.False(resource.Profile("clusterProfile").ContainsKey("version"));
    }

    [Fact]
    public void WriteList_writes_next_link_only_when_given()
    {
        var withoutLink = Api.WriteList([Existing(), Existing()], null);
        var withLink = Api.WriteList([Existing()], "https://next");

        Assert.Equal(["value"], withoutLink.Select(p => p.Key));
        Assert.Equal(2, withoutLink["value"]!.AsArray().Count);
        Assert.Equal("https://next", (string?)withLink["nextLink"]);
        Assert.DoesNotContain("Secret", withoutLink.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCredentials_writes_kubeadmin_credentials()
    {
        var credentials = Api.WriteCredentials(new ClusterCredentials { KubeadminPassword = "password", AdminKubeconfig = "kubeconfig" });

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"kubeadminUsername":"kubeadmin","kubeadminPassword":"password"}"""),
            credentials));
    }

    [Fact]
    public void WriteOperations_lists_the_reference_operations()
    {
        var operations = Api.WriteOperations()["value"]!.AsArray();

        Assert.Equal(
            [
                "Microsoft.RedHatOpenShift/locations/operationresults/read",
                "Microsoft.RedHatOpenShift/locations/operationsstatus/read",
                "Microsoft.RedHatOpenShift/operations/read",
                "Microsoft.RedHatOpenShift/openShiftClusters/read",
                "Microsoft.RedHatOpenShift/openShiftClusters/write",
                "Microsoft.RedHatOpenShift/openShiftClusters/delete",
                "Microsoft.RedHatOpenShift/openShiftClusters/listCredentials/action",
            ],
            operations.Select(o => (string?)o!["name"]));
        Assert.All(operations, o =>
        {
            Assert.Equal("user,system", (string?)o!["origin"]);
            Assert.Equal("Azure Red Hat OpenShift", (string?)o["display"]!["provider"]);
            Assert.False(string.IsNullOrEmpty((string?)o["display"]!["description"]));
        });
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"name":"Microsoft.RedHatOpenShift/openShiftClusters/read","display":{"provider":"Azure Red Hat OpenShift","resource":"openShiftClusters","operation":"Read OpenShift cluster","description":"Gets an OpenShift cluster, or lists the OpenShift clusters of a resource group or subscription."},"origin":"user,system"}"""),
            operations[3]));
    }

    [Fact]
    public void ReadRequest_on_create_names_the_cluster_by_its_url_and_leaves_read_only_fields_empty()
    {
        var body = ValidBody();
        body.Remove("id");
        body.Remove("name");
        body.Remove("type");
        body.Properties()["provisioningState"] = "Succeeded";
        body.Profile("clusterProfile")["version"] = "9.9.9";
        body.Profile("apiserverProfile")["ip"] = "9.9.9.9";
        body.Ingress()["ip"] = "9.9.9.9";

        var cluster = Api.ReadRequest(body, CreateContext());

        Assert.Equal(ResourceId, cluster.Id);
        Assert.Equal("resourceName", cluster.Name);
        Assert.Equal("Microsoft.RedHatOpenShift/openShiftClusters", cluster.Type);
        Assert.Equal("", cluster.Properties.ClusterProfile.Version);
        Assert.Null(cluster.Properties.ApiServerProfile.Ip);
        Assert.Null(cluster.Properties.IngressProfiles[0].Ip);
        Assert.Null(cluster.Properties.Credentials);
        Assert.Equal(ClientSecret, cluster.Properties.ServicePrincipalProfile.ClientSecret);
        Assert.Equal(PullSecret, cluster.Properties.ClusterProfile.PullSecret);
    }

    [Fact]
    public void ReadRequest_reads_property_names_case_insensitively()
    {
        var body = JsonNode.Parse(ValidBody().ToJsonString().Replace("\"masterProfile\"", "\"MasterProfile\"", StringComparison.Ordinal))!;

        var cluster = Api.ReadRequest(body, CreateContext());

        Assert.Equal(MasterSubnetId, cluster.Properties.MasterProfile.SubnetId);
    }

    [Fact]
    public void ReadRequest_on_update_keeps_secrets_read_only_and_internal_fields_and_replaces_tags()
    {
        var existing = Existing();
        existing.Properties.FailedProvisioningState = ProvisioningState.Updating;
        var body = Api.WriteResource(existing);
        body["tags"] = new JsonObject { ["new"] = "tag" };

        var cluster = Api.ReadRequest(body, UpdateContext(existing));

        AssertSameExternalView(existing, cluster, ignoreTags: true);
        Assert.Equal(new Dictionary<string, string> { ["new"] = "tag" }, cluster.Tags);
        Assert.Equal(PullSecret, cluster.Properties.ClusterProfile.PullSecret);
        Assert.Equal(ClientSecret, cluster.Properties.ServicePrincipalProfile.ClientSecret);
        Assert.Equal(ProvisioningState.Updating, cluster.Properties.FailedProvisioningState);
        Assert.Equal("kubeadmin-password", cluster.Properties.Credentials!.KubeadminPassword);
    }

    [Fact]
    public void ReadRequest_on_a_put_style_update_takes_read_only_fields_from_the_stored_cluster()
    {
        var existing = Existing();
        var body = ValidBody();
        body.Profile("servicePrincipalProfile").Remove("clientSecret");
        body.Profile("clusterProfile").Remove("pullSecret");

        var cluster = Api.ReadRequest(body, UpdateContext(existing));

        AssertSameExternalView(existing, cluster, ignoreTags: false);
        Assert.Equal(ClientSecret, cluster.Properties.ServicePrincipalProfile.ClientSecret);
        Assert.Equal(PullSecret, cluster.Properties.ClusterProfile.PullSecret);
    }

    [Fact]
    public void ReadRequest_lets_json_exceptions_propagate() =>
        Assert.ThrowsAny<JsonException>(() => Api.ReadRequest(JsonNode.Parse("""{"properties":[]}""")!, CreateContext()));

    [Fact]
    public void The_writer_forms_write_the_bytes_of_the_tree_forms()
    {
        var cluster = Existing();
        // Characters each encoder treats differently: HTML-sensitive, quotes, non-ASCII, a surrogate pair, controls.
        cluster.Tags = new Dictionary<string, string> { ["<owner & 'team'>"] = "\"é\" 😀 +\n\t\u0001", ["plain"] = "value" };
        cluster.Properties.ConsoleProfile.Url = null;
        var other = Existing();
        other.Name = "résumé";
        other.Tags = null;

        Assert.Equal(TreeBytes(Api.WriteResource(cluster)), WriterBytes(writer => Api.WriteResource(writer, cluster)));
        Assert.Equal(TreeBytes(Api.WriteList([cluster, other], "https://rp/next?$skipToken=a+b/c=")), WriterBytes(writer => Api.WriteList(writer, [cluster, other], "https://rp/next?$skipToken=a+b/c=")));
        Assert.Equal(TreeBytes(Api.WriteList([], null)), WriterBytes(writer => Api.WriteList(writer, [], null)));
    }

    // How the frontend writes a response tree: ARM's relaxed encoder (ArmJson), not indented.
    private static readonly JsonSerializerOptions ResponseOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static byte[] TreeBytes(JsonNode tree) => JsonSerializer.SerializeToUtf8Bytes(tree, ResponseOptions);

    private static byte[] WriterBytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResponseOptions.Encoder }))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void AssertSameExternalView(OpenShiftCluster expected, OpenShiftCluster actual, bool ignoreTags)
    {
        var expectedJson = Api.WriteResource(expected);
        var actualJson = Api.WriteResource(actual);
        if (ignoreTags)
        {
            expectedJson.Remove("tags");
            actualJson.Remove("tags");
        }

        Assert.Equal(expectedJson.ToJsonString(), actualJson.ToJsonString());
    }
}
