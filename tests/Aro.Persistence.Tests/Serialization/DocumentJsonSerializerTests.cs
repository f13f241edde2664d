using System.Text.Json.Nodes;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Tests.Stores;

namespace Aro.Persistence.Tests.Serialization;

public sealed class DocumentJsonSerializerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly DocumentJsonSerializer _serializer;

    public DocumentJsonSerializerTests()
    {
        _serializer = new DocumentJsonSerializer(new AesGcmSecretProtector(new FileSecretKeyRing(Path.Combine(_directory.Path, "keys"))));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_secret_property_is_sealed_and_nothing_else()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());

        var json = JsonNode.Parse(_serializer.Serialize(document))!;
        var properties = json["openShiftCluster"]!["properties"]!;

        Assert.StartsWith("enc:v1:", (string)properties["clusterProfile"]!["pullSecret"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", (string)properties["servicePrincipalProfile"]!["clientSecret"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", (string)properties["credentials"]!["kubeadminPassword"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v1:", (string)properties["credentials"]!["adminKubeconfig"]!, StringComparison.Ordinal);
        Assert.Equal("kubeadmin", (string)properties["credentials"]!["kubeadminUsername"]!);
        Assert.Equal(document.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientId, (string)properties["servicePrincipalProfile"]!["clientId"]!);
        Assert.Equal("4.3.0", (string)properties["clusterProfile"]!["version"]!);
    }

    [Fact]
    public void Names_are_camel_case_enums_are_strings_and_nulls_are_left_out()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        document.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientSecret = null;

        var json = JsonNode.Parse(_serializer.Serialize(document))!;

        Assert.Equal(document.Id, (string)json["id"]!);
        Assert.Equal(document.PartitionKey, (string)json["partitionKey"]!);
        Assert.Equal("Creating", (string)json["openShiftCluster"]!["properties"]!["provisioningState"]!);
        Assert.Equal("team-a", (string)json["openShiftCluster"]!["tags"]!["Owner"]!);
        Assert.False(json["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!.AsObject().ContainsKey("clientSecret"));
        Assert.False(json["openShiftCluster"]!["properties"]!.AsObject().ContainsKey("lastError"));
    }

    [Fact]
    public void Secrets_round_trip()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());

        var read = _serializer.Deserialize<OpenShiftClusterDocument>(_serializer.Serialize(document));

        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(read));
    }

    [Fact]
    public void A_secret_stored_before_it_was_marked_secret_is_read_as_it_is()
    {
        const string Json = """{"clientId":"id","clientSecret":"legacy-plain"}""";

        var profile = _serializer.Deserialize<ServicePrincipalProfile>(Json);

        Assert.Equal("legacy-plain", profile.ClientSecret);
        Assert.Contains("enc:v1:", _serializer.Serialize(profile), StringComparison.Ordinal);
    }
}
