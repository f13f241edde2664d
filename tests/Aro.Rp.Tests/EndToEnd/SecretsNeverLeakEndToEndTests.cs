using System.Net;
using System.Text;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Aro.Rp.Tests.EndToEnd.Recording;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// A full create, scale and delete on the embedded defaults (in-memory bus, SQLite, the local cloud) with every log
/// line, every response the client got and every bus message recorded: no secret of the cluster is in any of them,
/// and the only call that returns one (listCredentials) returns it.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(WholeLogCollection))]
public sealed class SecretsNeverLeakEndToEndTests
{
    private const string ListCredentials = "/listCredentials";

    [Fact]
    public async Task No_secret_appears_in_logs_responses_or_messages_of_a_full_lifecycle()
    {
        using var state = new RpState();
        var logs = new RecordingLogSink();
        var bus = new RecordingBusObserver();
        await using var rp = new AllInOneRp(state, new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Debug" })
            .WithServices(services =>
            {
                services.AddSingleton<ILogEventSink>(logs);
                services.AddSendObserver(_ => bus);
                services.AddPublishObserver(_ => bus);
                services.AddConsumeObserver(_ => bus);
            });
        var responses = new RecordingHandler(request => request.RequestUri?.AbsolutePath.EndsWith(ListCredentials, StringComparison.OrdinalIgnoreCase) != true);
        var pullSecretAuth = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var client = rp.CreateDefaultClient(responses);
        var walkthrough = new Walkthrough(client, rp.LocalCloud)
        {
            ClientSecret = $"client-secret-{Guid.NewGuid():N}",
            PullSecret = "{\"auths\":{\"registry.example\":{\"auth\":\"" + pullSecretAuth + "\"}}}",
        };
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        Assert.Equal("Succeeded", (await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync()))["status"]!.GetValue<string>());
        var stored = await StoredClusterAsync(rp, walkthrough);
        await walkthrough.GetClusterAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/subscriptions/{walkthrough.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters?{Walkthrough.Api}")).StatusCode);
        var credentials = await walkthrough.ListCredentialsAsync();
        Assert.Equal("Succeeded", (await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(workers: 4)))["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", (await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync()))["status"]!.GetValue<string>());

        // listCredentials is the one call that must answer with a secret: the kubeadmin password the RP stored.
        Assert.Equal(HttpStatusCode.OK, credentials.StatusCode);
        Assert.Equal(stored.Properties.Credentials!.KubeadminPassword, (await Walkthrough.ReadJsonAsync(credentials))["kubeadminPassword"]!.GetValue<string>());

        var secrets = SecretsOf(stored, walkthrough, pullSecretAuth);
        // Each record must be there to search, or finding nothing in it would prove nothing.
        Assert.Contains(logs.Lines, line => line.Contains("ClusterCreateRequested", StringComparison.Ordinal) || line.Contains("mycluster", StringComparison.Ordinal));
        Assert.Contains(responses.Responses, r => r.Request.StartsWith("PUT ", StringComparison.Ordinal) && r.Request.Contains(walkthrough.Cluster, StringComparison.Ordinal));
        Assert.Contains(responses.Responses, r => r.Request.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.Contains(responses.Responses, r => r.Request.StartsWith("DELETE ", StringComparison.Ordinal));
        Assert.Contains(responses.Responses, r => r.Request.Contains("operationsstatus", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(responses.Responses, r => r.Request.Contains(ListCredentials, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(bus.Messages, m => m.Type == "IssueCredentials");
        Assert.Contains(bus.Messages, m => m.Type == "ScaleWorkers");
        Assert.Contains(bus.Messages, m => m.Type == "ClusterTornDown");

        if (!OperatingSystem.IsWindows())
        {
            // The RP's keys and database and the local cloud's state (the Ignition blob, its CA and ARM client keys).
            var modes = new List<string>();
            foreach (var path in Directory.EnumerateFiles(state.DataDirectory, "*", SearchOption.AllDirectories))
            {
                modes.Add($"{Path.GetRelativePath(state.DataDirectory, path)} {File.GetUnixFileMode(path)}");
            }

            Assert.NotEmpty(modes);
            Assert.All(modes, mode => Assert.EndsWith(" " + (UnixFileMode.UserRead | UnixFileMode.UserWrite), mode, StringComparison.Ordinal));
        }

        foreach (var (name, value) in secrets)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(responses.Responses, r => r.Response.Contains(value, StringComparison.Ordinal));
            Assert.False(bus.Messages.Any(m => m.Json.Contains(value, StringComparison.Ordinal)), $"the {name} is in a bus message");
        }
    }

    private static async Task<OpenShiftCluster> StoredClusterAsync(AllInOneRp rp, Walkthrough walkthrough)
    {
        var store = rp.Services.GetRequiredService<IOpenShiftClusterStore>();
        var document = await store.GetAsync(
            OpenShiftClusterDocument.PartitionKeyFor(walkthrough.SubscriptionId),
            OpenShiftClusterDocument.KeyFor(walkthrough.ClusterUrl),
            CancellationToken.None);
        return Assert.IsType<OpenShiftClusterDocument>(document).OpenShiftCluster;
    }

    /// <summary>
    /// Each secret in the forms it could leak in: as it is, and the parts a log or a message would carry of a longer
    /// one (the auth of the pull secret, a private key's base64 body, a kubeconfig's embedded key, base64 of either).
    /// </summary>
    private static List<(string Name, string Value)> SecretsOf(OpenShiftCluster cluster, Walkthrough walkthrough, string pullSecretAuth)
    {
        var properties = cluster.Properties;
        var pki = Assert.IsType<ClusterPki>(properties.Pki);
        var kubeconfig = Assert.IsType<string>(properties.Credentials!.AdminKubeconfig);
        var secrets = new List<(string, string)>
        {
            ("client secret", walkthrough.ClientSecret),
            ("pull secret's auth", pullSecretAuth),
            ("kubeadmin password", properties.Credentials.KubeadminPassword!),
            ("admin kubeconfig", kubeconfig),
            ("admin kubeconfig in base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig))),
        };
        foreach (var (name, pem) in new[] { ("root CA key", pki.RootCaKeyPem), ("API server key", pki.ApiServerKeyPem), ("admin client key", pki.AdminClientKeyPem) })
        {
            Assert.False(string.IsNullOrEmpty(pem), $"the {name} should be stored");
            var body = string.Concat(pem!.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)).Select(line => line.Trim()));
            secrets.Add((name, body[..Math.Min(body.Length, 64)]));
            secrets.Add(($"{name} in base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(pem))[..64]));
        }

        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(pki.AdminClientKeyPem!)), kubeconfig, StringComparison.Ordinal);
        return secrets;
    }
}
