using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
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

        Assert.StartsWith("enc:v2:", (string)properties["clusterProfile"]!["pullSecret"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v2:", (string)properties["servicePrincipalProfile"]!["clientSecret"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v2:", (string)properties["credentials"]!["kubeadminPassword"]!, StringComparison.Ordinal);
        Assert.StartsWith("enc:v2:", (string)properties["credentials"]!["adminKubeconfig"]!, StringComparison.Ordinal);
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

        var read = _serializer.Deserialize<OpenShiftClusterDocument>(_serializer.Serialize(document), document.Id);

        Assert.Equal(TestDocuments.SecretsOf(document), TestDocuments.SecretsOf(read));
    }

    [Fact]
    public void A_body_read_under_another_id_is_refused()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        var json = _serializer.Serialize(document);

        Assert.ThrowsAny<Exception>(() => _serializer.Deserialize<OpenShiftClusterDocument>(json, document.Id + "-other"));
    }

    [Fact]
    public void A_secret_stored_in_clear_is_refused()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        var json = JsonNode.Parse(_serializer.Serialize(document))!;
        json["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"] = "legacy-plain";

        var refused = Assert.ThrowsAny<CryptographicException>(() => _serializer.Deserialize<OpenShiftClusterDocument>(json.ToJsonString(), document.Id));

        Assert.DoesNotContain("legacy-plain", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_stored_as_plain_JSON_of_another_type_is_refused()
    {
        var document = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        var json = JsonNode.Parse(_serializer.Serialize(document))!;
        json["openShiftCluster"]!["properties"]!["credentials"]!["kubeadminPassword"] = new JsonObject { ["value"] = "x" };

        Assert.ThrowsAny<CryptographicException>(() => _serializer.Deserialize<OpenShiftClusterDocument>(json.ToJsonString(), document.Id));
    }

    [Fact]
    public void Every_secret_has_a_stored_name_no_other_secret_has()
    {
        // A secret is bound to its document and its stored name: two secrets of one name could trade places.
        var names = SecretNames(typeof(OpenShiftClusterDocument), []).ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<string> SecretNames(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.Namespace?.StartsWith("Aro.", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(SecretAttribute), inherit: true))
            {
                yield return JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                continue;
            }

            var propertyType = property.PropertyType;
            var elementType = propertyType.IsGenericType ? propertyType.GetGenericArguments().Last() : propertyType.GetElementType() ?? propertyType;
            foreach (var name in SecretNames(elementType, seen))
            {
                yield return name;
            }
        }
    }
}
