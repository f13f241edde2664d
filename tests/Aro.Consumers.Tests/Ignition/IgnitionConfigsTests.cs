using System.Text;
using System.Text.Json;
using Aro.Api.Model;
using Aro.Consumers.Ignition;
using Aro.Consumers.Pki;
using Aro.Consumers.Tests.Pki;

namespace Aro.Consumers.Tests.Ignition;

public sealed class IgnitionConfigsTests
{
    private const string InfraId = "mycluster-x7k2p";
    private static readonly ClusterPki Pki = new ClusterPkiIssuer(TimeProvider.System).Issue(TestClusters.Domain);

    public static TheoryData<string, string?> Roles => new()
    {
        { IgnitionRoles.Bootstrap, TestClusters.PullSecret },
        { IgnitionRoles.Bootstrap, null },
        { IgnitionRoles.Master, TestClusters.PullSecret },
        { IgnitionRoles.Worker, TestClusters.PullSecret },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_config_passes_ignition_validate(string role, string? pullSecret)
    {
        var config = Build(role, pullSecret);

        await IgnitionValidator.AssertValidAsync(config, role);
    }

    [Fact]
    public void The_bootstrap_config_carries_hostname_pull_secret_CA_and_units()
    {
        using var config = JsonDocument.Parse(Build(IgnitionRoles.Bootstrap, TestClusters.PullSecret));
        var root = config.RootElement;

        Assert.Equal("3.2.0", root.GetProperty("ignition").GetProperty("version").GetString());
        var files = root.GetProperty("storage").GetProperty("files").EnumerateArray()
            .ToDictionary(file => file.GetProperty("path").GetString()!, file => file);
        Assert.Equal(InfraId + "-bootstrap\n", Contents(files["/etc/hostname"]));
        Assert.Equal(TestClusters.PullSecret, Contents(files["/var/lib/kubelet/config.json"]));
        Assert.Equal(384, files["/var/lib/kubelet/config.json"].GetProperty("mode").GetInt32()); // 0600
        Assert.Equal(Pki.RootCaCertificatePem, Contents(files["/etc/kubernetes/ca.crt"]));
        Assert.Contains("infrastructureName: " + InfraId, Contents(files["/opt/openshift/manifests/cluster-infrastructure-02-config.yml"]), StringComparison.Ordinal);
        var units = root.GetProperty("systemd").GetProperty("units").EnumerateArray().Select(unit => unit.GetProperty("name").GetString());
        Assert.Equal(["kubelet.service", "bootkube.service"], units);
    }

    [Fact]
    public void Without_a_pull_secret_kubelet_gets_an_empty_docker_config()
    {
        using var config = JsonDocument.Parse(Build(IgnitionRoles.Bootstrap, pullSecret: null));

        var file = config.RootElement.GetProperty("storage").GetProperty("files").EnumerateArray()
            .Single(file => file.GetProperty("path").GetString() == "/var/lib/kubelet/config.json");
        Assert.Equal("""{"auths":{}}""", Contents(file));
    }

    [Theory]
    [InlineData(IgnitionRoles.Master)]
    [InlineData(IgnitionRoles.Worker)]
    public void Masters_and_workers_merge_the_machine_config_server_config_trusting_the_root_CA(string role)
    {
        using var config = JsonDocument.Parse(Build(role, TestClusters.PullSecret));
        var ignition = config.RootElement.GetProperty("ignition");

        Assert.Equal($"https://api-int.{TestClusters.Domain}:22623/config/{role}", ignition.GetProperty("config").GetProperty("merge")[0].GetProperty("source").GetString());
        var authority = ignition.GetProperty("security").GetProperty("tls").GetProperty("certificateAuthorities")[0];
        Assert.Equal(Pki.RootCaCertificatePem, Contents(authority));
        Assert.False(config.RootElement.TryGetProperty("storage", out _));
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_configs()
    {
        Assert.Equal(Build(IgnitionRoles.Bootstrap, TestClusters.PullSecret), Build(IgnitionRoles.Bootstrap, TestClusters.PullSecret));
        Assert.Equal(Build(IgnitionRoles.Master, TestClusters.PullSecret), Build(IgnitionRoles.Master, TestClusters.PullSecret));
    }

    private static byte[] Build(string role, string? pullSecret) => role == IgnitionRoles.Bootstrap
        ? IgnitionConfigs.Bootstrap(TestClusters.Domain, InfraId, pullSecret, Pki)
        : IgnitionConfigs.Pointer(TestClusters.Domain, role, Pki.RootCaCertificatePem);

    /// <summary>Decodes a file's or CA's <c>data:...;base64,</c> source.</summary>
    internal static string Contents(JsonElement resource)
    {
        var source = (resource.TryGetProperty("contents", out var contents) ? contents : resource).GetProperty("source").GetString()!;
        Assert.StartsWith("data:", source, StringComparison.Ordinal);
        var marker = source.IndexOf(";base64,", StringComparison.Ordinal);
        Assert.True(marker > 0, source);
        return Encoding.UTF8.GetString(Convert.FromBase64String(source[(marker + ";base64,".Length)..]));
    }
}
