using System.Net;
using System.Text.Json.Nodes;
using Aro.Messaging;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.ServiceBus;
using Aro.Messaging.ServiceBus.DeadLetters;
using Aro.Rp.Commands;
using Aro.Rp.Tests.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The README walkthrough with <c>ARO_TRANSPORT=servicebus</c> and nothing else: the all-in-one RP runs its bus on
/// the embedded local cloud's Service Bus, creating the entities, with step timeouts scheduled on the broker.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ServiceBusEndToEndTests
{
    private static readonly Dictionary<string, string> ServiceBus = new() { ["Messaging:Transport"] = "servicebus" };

    [Fact]
    public async Task A_cluster_is_created_and_deleted_through_the_embedded_local_Service_Bus()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, ServiceBus);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        // As the README's walkthrough does: in development every endpoint creates its own subscriptions as it starts,
        // and a command published to a topic before its consumer's subscription exists reaches nobody (on RabbitMQ
        // alike, before the queue is bound); ready means every endpoint is receiving.
        await walkthrough.WaitUntilReadyAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());
        Assert.Equal("Succeeded", (await walkthrough.GetClusterAsync())["properties"]!["provisioningState"]!.GetValue<string>());
        Assert.IsType<ServiceBusTransport>(rp.Services.GetRequiredService<IMessageTransport>());

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());

        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await rp.CreateClient().GetAsync($"{walkthrough.ClusterUrl}?{Walkthrough.Api}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());

        // The messages went through the local cloud's namespace: the endpoints are its queues, fed by forwarding
        // subscriptions on the contracts' topics; nothing is left, dead-lettered or still scheduled (every step's
        // timeout was cancelled on the broker); no store-backed scheduler queue.
        var serviceBus = await Walkthrough.ReadJsonAsync(await rp.LocalCloud.GetAsync("_localcloud/servicebus"));
        var queues = serviceBus["queues"]!.AsArray().Select(queue => queue!.AsObject()).ToDictionary(queue => queue["name"]!.GetValue<string>());
        Assert.Contains("cluster-lifecycle-state", queues.Keys);
        Assert.Contains("provision-virtual-machines", queues.Keys);
        Assert.Contains("tear-down-cluster", queues.Keys);
        Assert.DoesNotContain("aro-scheduler", queues.Keys);
        // (queue, dead letters, scheduled). The saga's own queue may hold a step timeout scheduled by an attempt that lost
        // an optimistic-concurrency race (the fork's two answers at once) and was retried: the broker schedules outside
        // the outbox, so that timeout stays, fires later and is ignored. Every other queue is empty.
        Assert.All(queues.Where(queue => queue.Key != "cluster-lifecycle-state"), queue => Assert.Equal(
            (queue.Key, 0, 0),
            (queue.Key, Counts(queue.Value)["deadLetter"]!.GetValue<int>(), Counts(queue.Value)["scheduled"]!.GetValue<int>())));
        Assert.Equal(0, Counts(queues["cluster-lifecycle-state"])["deadLetter"]!.GetValue<int>());
        Assert.InRange(Counts(queues["cluster-lifecycle-state"])["scheduled"]!.GetValue<int>(), 0, 4);
        var provision = Assert.Single(serviceBus["topics"]!.AsArray(), topic => topic!["name"]!.GetValue<string>().EndsWith("/ProvisionVirtualMachines", StringComparison.Ordinal))!;
        var subscription = Assert.Single(provision["subscriptions"]!.AsArray())!;
        Assert.Equal("provision-virtual-machines", subscription["forwardTo"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await rp.CreateClient().GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task A_step_that_keeps_failing_is_dead_lettered_and_aro_rp_dead_letters_lists_and_requeues_it()
    {
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, ServiceBus);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        // 409 is not the request's own fault (CloudFailures.IsPermanent): the DNS consumer throws, and its retries run out.
        await walkthrough.FailInLocalCloudAsync("Microsoft.Network/dnszones/A/write", 409, "AnotherOperationInProgress", "The zone is busy.");
        await walkthrough.WaitUntilReadyAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Failed", create["status"]!.GetValue<string>());
        Assert.Equal("DnsConfigurationFailed", create["error"]!["code"]!.GetValue<string>());
        var bus = rp.Services.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value;
        var operatorSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "servicebus",
            ["Messaging:ServiceBus:ConnectionString"] = bus.ConnectionString,
            ["Messaging:ServiceBus:AdministrationConnectionString"] = bus.AdministrationConnectionString,
        }).Build();
        await using var queues = ServiceBusDeadLetterQueues.Connect(bus);
        var deadLetter = Assert.Single(await DeadLettersOfAsync(queues, "configure-dns"));
        Assert.Equal("configure-dns/$DeadLetterQueue", deadLetter.Queue);
        Assert.Contains("ConfigureDns", deadLetter.MessageType, StringComparison.Ordinal);
        Assert.Contains("The zone is busy.", deadLetter.FaultReason, StringComparison.Ordinal);
        Assert.NotNull(deadLetter.MessageId);

        using var listed = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.RunAsync(operatorSettings, "list", queue: null, messageId: null, confirmed: false, listed, CancellationToken.None));
        Assert.Contains(deadLetter.MessageId!, listed.ToString(), StringComparison.Ordinal);
        Assert.Contains("configure-dns/$DeadLetterQueue", listed.ToString(), StringComparison.Ordinal);
        await AdminDeadLetterChecks.ListsAndShowsAsync(rp.Services, "configure-dns", deadLetter.MessageId!, "configure-dns/$DeadLetterQueue");

        // show: the dead letter in full, peeked (still there for the requeue below): the broker's reason and description
        // (the exception), MassTransit's fault headers among the application properties, the body's envelope indented.
        var shown = new TestConsole();
        Assert.Equal(0, await DeadLettersCommand.ShowAsync(operatorSettings, deadLetter.MessageId!, "configure-dns", shown.Console, shown.Error, CancellationToken.None));
        Assert.Contains("configure-dns/$DeadLetterQueue", shown.Output, StringComparison.Ordinal);
        Assert.Contains("DeadLetterErrorDescription", shown.Output, StringComparison.Ordinal);
        Assert.Contains("MT-Fault-ExceptionType", shown.Output, StringComparison.Ordinal);
        Assert.Contains("The zone is busy.", shown.Output, StringComparison.Ordinal);
        Assert.Contains("\"messageType\": [", shown.Output, StringComparison.Ordinal);
        Assert.Contains("ConfigureDns", shown.Output, StringComparison.Ordinal);
        var unknown = new TestConsole();
        Assert.Equal(1, await DeadLettersCommand.ShowAsync(operatorSettings, "no-such-id", queue: null, unknown.Console, unknown.Error, CancellationToken.None));
        Assert.Equal("aro-rp: no dead letter with message id no-such-id in the RP's dead-letter queues." + Environment.NewLine, unknown.Error.ToString());

        // Fixed: the requeued command now succeeds on its queue. The operation stays Failed (a new request retries it).
        Assert.Equal(HttpStatusCode.NoContent, (await rp.LocalCloud.DeleteAsync("_localcloud/faults")).StatusCode);
        using var requeued = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.RunAsync(operatorSettings, "requeue", "configure-dns", deadLetter.MessageId, confirmed: false, requeued, CancellationToken.None));
        Assert.Contains("Requeued 1 message(s).", requeued.ToString(), StringComparison.Ordinal);
        Assert.Empty(await queues.ListAsync("configure-dns", messageId: null, CancellationToken.None));
        await ConfigureDnsQueueDrainedAsync(rp);
    }

    // The Fault (which fails the operation) is published before the message is dead-lettered, so on a busy machine
    // the operation can read Failed a moment before the dead letter is there.
    private static Task<IReadOnlyList<DeadLetter>> DeadLettersOfAsync(ServiceBusDeadLetterQueues queues, string queue) =>
        Polling.UntilAnyAsync(() => queues.ListAsync(queue, messageId: null, CancellationToken.None), TimeSpan.FromSeconds(30));

    /// <summary>The requeued command was taken and completed: nothing active or dead-lettered is left on configure-dns.</summary>
    private static async Task ConfigureDnsQueueDrainedAsync(AllInOneRp rp)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var serviceBus = await Walkthrough.ReadJsonAsync(await rp.LocalCloud.GetAsync("_localcloud/servicebus"));
            var counts = Counts(serviceBus["queues"]!.AsArray().Single(queue => queue!["name"]!.GetValue<string>() == "configure-dns")!.AsObject());
            if (counts["active"]!.GetValue<int>() == 0 && counts["deadLetter"]!.GetValue<int>() == 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"configure-dns still holds messages: {counts.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private static JsonObject Counts(JsonObject entity) => entity["counts"]!.AsObject();
}
