using System.Net;
using Aro.Rp.Tests.EndToEnd;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// aro-rp frontend + two aro-rp backend processes over a broker and a shared store, the local cloud beside them:
/// the README walkthrough, a backend killed (kill -9) in the middle of concurrent creates, a poison message repaired
/// with <c>aro-rp dead-letters</c> as its own process. The same tests run on
/// each transport (<see cref="RabbitMqDistributedRpTests"/>, <see cref="ServiceBusDistributedRpTests"/>).
/// </summary>
public abstract class DistributedRpTests
{
    /// <summary>
    /// MVC (the RP has no controllers), IIS, and Kestrel's HTTP/3 transport. (System.Net.Quic itself is not listed: the
    /// tiered JIT loads it when it recompiles HttpClient's connection pool, whose HTTP/3 paths name its types.)
    /// </summary>
    private static readonly string[] AssembliesTheRpNeverUses =
    [
        "Microsoft.AspNetCore.Mvc.Core.dll",
        "Microsoft.AspNetCore.Server.IIS.dll",
        "Microsoft.AspNetCore.Server.IISIntegration.dll",
        "Microsoft.AspNetCore.Server.Kestrel.Transport.Quic.dll",
    ];

    protected abstract RpTransport Transport { get; }

    [Fact]
    public async Task The_walkthrough_runs_over_a_frontend_and_two_backends()
    {
        await using var rp = await DistributedRp.StartAsync(Transport);
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());
        Assert.True("Succeeded" == create["status"]!.GetValue<string>(), rp.Logs());
        Assert.Equal(HttpStatusCode.OK, (await walkthrough.ListCredentialsAsync()).StatusCode);

        var scale = await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(workers: 5));
        Assert.True("Succeeded" == scale["status"]!.GetValue<string>(), rp.Logs());
        Assert.Equal(5, (await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines")).Count(vm => vm.Contains("-worker-", StringComparison.Ordinal)));

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());
        Assert.True("Succeeded" == delete["status"]!.GetValue<string>(), rp.Logs());
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());

        // Every code path of the walkthrough has run: none of them loaded what the RP never serves (ADR 0007), which each
        // process would otherwise keep in memory.
        foreach (var process in rp.Backends.Prepend(rp.Frontend))
        {
            var unused = process.MappedAssemblies().Intersect(AssembliesTheRpNeverUses, StringComparer.Ordinal);
            Assert.True(!unused.Any(), $"{process.Name} loaded {string.Join(", ", unused)}");
        }
    }

    [Fact]
    public async Task Killing_a_backend_in_the_middle_of_concurrent_creates_loses_and_duplicates_nothing()
    {
        await using var rp = await DistributedRp.StartAsync(Transport, backends: 2, virtualMachineLatency: TimeSpan.FromMilliseconds(400));
        var clusters = Enumerable.Range(1, 6).Select(i => new Walkthrough(rp.Rp, rp.LocalCloud) { Cluster = $"cluster{i}" }).ToArray();
        var operations = new List<string>();
        foreach (var cluster in clusters)
        {
            await cluster.CreateVirtualNetworkAsync();
            await cluster.RegisterSubscriptionAsync();
            operations.Add(await cluster.CreateClusterAsync());
        }

        // Mid-create: at least one cluster is provisioning its virtual machines.
        await Task.WhenAny(clusters.Select((cluster, i) => cluster.WaitForOperationAsync(
            operations[i],
            status => status["properties"]?["step"]?.GetValue<string>() == "ProvisioningVirtualMachines" || status["status"]?.GetValue<string>() != "Creating")));
        rp.Backends[0].Kill();

        var outcomes = await Task.WhenAll(clusters.Select((cluster, i) => cluster.WaitForOperationAsync(operations[i])));

        Assert.All(outcomes, outcome => Assert.True("Succeeded" == outcome["status"]!.GetValue<string>(), $"{outcome.ToJsonString()}\n{rp.Logs()}"));
        foreach (var cluster in clusters)
        {
            Assert.Equal("Succeeded", (await cluster.GetClusterAsync())["properties"]!["provisioningState"]!.GetValue<string>());
            var machines = await cluster.ClusterResourcesAsync("Microsoft.Compute/virtualMachines");
            Assert.Equal(3, machines.Count(vm => vm.Contains("-master-", StringComparison.Ordinal)));
            Assert.Equal(3, machines.Count(vm => vm.Contains("-worker-", StringComparison.Ordinal)));
            Assert.DoesNotContain(machines, vm => vm.EndsWith("-bootstrap", StringComparison.Ordinal));
            Assert.Equal(2, (await cluster.ClusterResourcesAsync("Microsoft.Network/publicIPAddresses")).Count);
            Assert.Single(await cluster.ClusterResourcesAsync("Microsoft.Network/loadBalancers"));
        }
    }

    [Fact]
    public async Task Fifty_concurrent_creates_of_one_cluster_accept_exactly_one_and_keep_the_document_whole()
    {
        // No backend yet: the accepted create cannot finish while the other 49 are still being answered, so each
        // of them meets a cluster that is Creating (on a slow machine a late PUT would otherwise meet a Succeeded
        // cluster and be refused for its different client id instead).
        await using var rp = await DistributedRp.StartAsync(Transport, backends: 0);
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => walkthrough.PutClusterAsync()));

        var accepted = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r != accepted))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("RequestNotAllowed", (await Walkthrough.ReadJsonAsync(refused))["error"]!["code"]!.GetValue<string>());
        }

        // The create was published before any backend bound its queues; the backend's reconciler sends it again on start.
        await rp.StartBackendAsync();
        var operation = Assert.Single(accepted.Headers.GetValues("Azure-AsyncOperation"));
        Assert.Equal("Succeeded", (await walkthrough.WaitForOperationAsync(operation))["status"]!.GetValue<string>());
        var cluster = await walkthrough.GetClusterAsync();
        Assert.Equal("Succeeded", cluster["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.Equal(3, (await walkthrough.ClusterResourcesAsync("Microsoft.Compute/virtualMachines")).Count(vm => vm.Contains("-master-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_dead_letters_and_aro_rp_dead_letters_lists_and_requeues_it()
    {
        await using var rp = await DistributedRp.StartAsync(Transport, backends: 1);
        var walkthrough = new Walkthrough(rp.Rp, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        // 409 is not the request's own fault (CloudFailures.IsPermanent): the DNS consumer throws, and its retries run out.
        await walkthrough.FailInLocalCloudAsync("Microsoft.Network/dnszones/A/write", 409, "AnotherOperationInProgress", "The zone is busy.");

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.True("Failed" == create["status"]!.GetValue<string>(), $"{create.ToJsonString()}\n{rp.Logs()}");
        Assert.Equal("DnsConfigurationFailed", create["error"]!["code"]!.GetValue<string>());
        var listed = await ListDeadLettersUntilAsync(rp, output => output.Contains("The zone is busy.", StringComparison.Ordinal));
        Assert.Contains(Transport == RpTransport.ServiceBus ? "configure-dns/$DeadLetterQueue" : "configure-dns_error", listed, StringComparison.Ordinal);
        Assert.Contains("ConfigureDns", listed, StringComparison.Ordinal);

        // Fixed: the requeued command goes back to its queue and nothing stays dead-lettered.
        Assert.Equal(HttpStatusCode.NoContent, (await rp.LocalCloud.DeleteAsync("_localcloud/faults")).StatusCode);
        var (exitCode, requeued) = await rp.RunToolAsync("dead-letters", "requeue", "--queue", "configure-dns");
        Assert.True(exitCode == 0, requeued);
        Assert.Contains("Requeued 1 message(s).", requeued, StringComparison.Ordinal);
        Assert.Contains("No dead letters.", await ListDeadLettersUntilAsync(rp, output => output.Contains("No dead letters.", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    // The Fault (which fails the operation) is published before the message is dead-lettered, so on a busy machine
    // the operation can read Failed a moment before the dead letter is listed.
    private static async Task<string> ListDeadLettersUntilAsync(DistributedRp rp, Func<string, bool> until)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var (exitCode, output) = await rp.RunToolAsync("dead-letters", "list", "--queue", "configure-dns");
            Assert.True(exitCode == 0, output);
            if (until(output) || DateTimeOffset.UtcNow > deadline)
            {
                return output;
            }

            await Task.Delay(500);
        }
    }
}
