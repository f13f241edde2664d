using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Model;

namespace Aro.Consumers.Ignition;

/// <summary>
/// Builds Ignition (config spec 3.2.0) configs the way the OpenShift installer shapes them: a full
/// bootstrap config, and for masters and workers a pointer that merges the machine config server's
/// config for the role and trusts the cluster's root CA to fetch it. The output depends only on its
/// inputs, so a repeated step stores byte-identical configs.
/// </summary>
internal static class IgnitionConfigs
{
    public const string SpecVersion = "3.2.0";

    public const int MachineConfigServerPort = 22623;

    private const int ReadableMode = 0b110_100_100; // 0644
    private const int ExecutableMode = 0b111_101_101; // 0755
    private const int PrivateMode = 0b110_000_000; // 0600

    // What kubelet and CRI-O read when a cluster was created without a pull secret.
    private const string EmptyPullSecret = """{"auths":{}}""";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The configs for every role of a cluster whose InfraId and PKI are set, named under <paramref name="domain"/> (its fully qualified domain).</summary>
    public static IReadOnlyList<(string Role, byte[] Config)> For(OpenShiftCluster cluster, string domain)
    {
        var properties = cluster.Properties;
        var infraId = properties.InfraId ?? throw new InvalidOperationException("The cluster has no InfraId yet.");
        var pki = properties.Pki ?? throw new InvalidOperationException("The cluster has no PKI yet.");
        return
        [
            (IgnitionRoles.Bootstrap, Bootstrap(domain, infraId, properties.ClusterProfile.PullSecret, pki)),
            (IgnitionRoles.Master, Pointer(domain, IgnitionRoles.Master, pki.RootCaCertificatePem)),
            (IgnitionRoles.Worker, Pointer(domain, IgnitionRoles.Worker, pki.RootCaCertificatePem)),
        ];
    }

    /// <summary>
    /// The bootstrap machine's config: its hostname, the pull secret for kubelet, the cluster CA, the
    /// temporary API server's serving certificate, the infrastructure manifest and the bootkube units.
    /// It holds secrets, like the installer's.
    /// </summary>
    public static byte[] Bootstrap(string domain, string infraId, string? pullSecret, ClusterPki pki)
    {
        var apiServerKey = pki.ApiServerKeyPem ?? throw new InvalidOperationException("The cluster's PKI has no API server key.");
        var config = new JsonObject
        {
            ["ignition"] = new JsonObject { ["version"] = SpecVersion },
            ["storage"] = new JsonObject
            {
                ["files"] = new JsonArray(
                    File("/etc/hostname", ReadableMode, $"{infraId}-bootstrap\n"),
                    File("/var/lib/kubelet/config.json", PrivateMode, string.IsNullOrEmpty(pullSecret) ? EmptyPullSecret : pullSecret),
                    File("/etc/kubernetes/ca.crt", ReadableMode, pki.RootCaCertificatePem),
                    File("/opt/openshift/tls/kube-apiserver.crt", ReadableMode, pki.ApiServerCertificatePem + pki.RootCaCertificatePem),
                    File("/opt/openshift/tls/kube-apiserver.key", PrivateMode, apiServerKey),
                    File("/opt/openshift/manifests/cluster-infrastructure-02-config.yml", ReadableMode, InfrastructureManifest(domain, infraId)),
                    File("/usr/local/bin/bootkube.sh", ExecutableMode, BootkubeScript(domain, infraId))),
            },
            ["systemd"] = new JsonObject
            {
                ["units"] = new JsonArray(
                    Unit("kubelet.service", KubeletUnit),
                    Unit("bootkube.service", BootkubeUnit)),
            },
        };
        return Serialize(config);
    }

    /// <summary>
    /// What the bootstrap VM boots with, as the installer gives it: a config replaced by the full bootstrap config at
    /// <paramref name="bootstrapConfigUrl"/> (a short-lived read-only SAS URL, since the config holds secrets).
    /// </summary>
    public static byte[] BootstrapPointer(Uri bootstrapConfigUrl)
    {
        var config = new JsonObject
        {
            ["ignition"] = new JsonObject
            {
                ["version"] = SpecVersion,
                ["config"] = new JsonObject
                {
                    ["replace"] = new JsonObject { ["source"] = bootstrapConfigUrl.AbsoluteUri },
                },
            },
        };
        return Serialize(config);
    }

    /// <summary>A master's or worker's config: fetch the rest from the machine config server, over TLS the cluster CA vouches for.</summary>
    public static byte[] Pointer(string domain, string role, string rootCaPem)
    {
        if (role is not (IgnitionRoles.Master or IgnitionRoles.Worker))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Only masters and workers boot from a pointer config.");
        }

        var config = new JsonObject
        {
            ["ignition"] = new JsonObject
            {
                ["version"] = SpecVersion,
                ["config"] = new JsonObject
                {
                    ["merge"] = new JsonArray(new JsonObject { ["source"] = $"https://api-int.{domain}:{MachineConfigServerPort}/config/{role}" }),
                },
                ["security"] = new JsonObject
                {
                    ["tls"] = new JsonObject
                    {
                        ["certificateAuthorities"] = new JsonArray(new JsonObject { ["source"] = DataUrl(rootCaPem) }),
                    },
                },
            },
        };
        return Serialize(config);
    }

    private static JsonObject File(string path, int mode, string contents) => new()
    {
        ["path"] = path,
        ["mode"] = mode,
        ["overwrite"] = true,
        ["contents"] = new JsonObject { ["source"] = DataUrl(contents) },
    };

    private static JsonObject Unit(string name, string contents) => new()
    {
        ["name"] = name,
        ["enabled"] = true,
        ["contents"] = contents,
    };

    private static string DataUrl(string contents) =>
        "data:text/plain;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(contents));

    private static byte[] Serialize(JsonObject config) => JsonSerializer.SerializeToUtf8Bytes(config, WriteOptions);

    private static string InfrastructureManifest(string domain, string infraId) => $"""
        apiVersion: config.openshift.io/v1
        kind: Infrastructure
        metadata:
          name: cluster
        spec:
          cloudConfig:
            name: ""
          platformSpec:
            type: Azure
        status:
          infrastructureName: {infraId}
          apiServerURL: https://api.{domain}:6443
          apiServerInternalURI: https://api-int.{domain}:6443
          platform: Azure

        """;

    private static string BootkubeScript(string domain, string infraId) => $"""
        #!/usr/bin/env bash
        set -euo pipefail
        echo "Bootstrapping {infraId}: control plane at https://api-int.{domain}:6443"
        touch /opt/openshift/.bootkube.done

        """;

    private const string KubeletUnit = """
        [Unit]
        Description=Kubernetes Kubelet
        Wants=crio.service
        After=crio.service

        [Service]
        ExecStart=/usr/bin/kubelet --config=/etc/kubernetes/kubelet.conf --bootstrap-kubeconfig=/etc/kubernetes/kubeconfig --kubeconfig=/var/lib/kubelet/kubeconfig
        Restart=always
        RestartSec=10

        [Install]
        WantedBy=multi-user.target

        """;

    private const string BootkubeUnit = """
        [Unit]
        Description=Bootstrap a Kubernetes cluster
        Wants=kubelet.service
        After=kubelet.service

        [Service]
        WorkingDirectory=/opt/openshift
        ExecStart=/usr/local/bin/bootkube.sh
        Restart=on-failure
        RestartSec=5s

        [Install]
        WantedBy=multi-user.target

        """;
}
