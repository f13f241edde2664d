using System.Net;
using Aro.Backend.DeadLetters;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.RabbitMq.DeadLetters;
using Aro.Rp.Commands;
using Aro.Rp.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Messaging;

/// <summary>The README walkthrough through a real RabbitMQ: the all-in-one RP with ARO_TRANSPORT=rabbitmq.</summary>
[Trait("Category", "RabbitMQ")]
public sealed class RabbitMqEndToEndTests
{
    [Fact]
    public async Task A_cluster_is_created_scaled_and_deleted_through_RabbitMQ()
    {
        await using var vhost = await RabbitMqTestBroker.FromEnvironment().CreateVirtualHostAsync();
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, vhost.RpSettings);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());
        Assert.Equal("Succeeded", create["status"]!.GetValue<string>());

        var scale = await walkthrough.WaitForOperationAsync(await walkthrough.ScaleAsync(workers: 4));
        Assert.Equal("Succeeded", scale["status"]!.GetValue<string>());
        Assert.Equal(4, (await walkthrough.GetClusterAsync())["properties"]!["workerProfiles"]![0]!["count"]!.GetValue<int>());

        var delete = await walkthrough.WaitForOperationAsync(await walkthrough.DeleteAsync());
        Assert.Equal("Succeeded", delete["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, await walkthrough.ClusterResourceGroupStatusAsync());

        var queues = await vhost.Broker.QueuesAsync(vhost.Name);
        var durable = queues.Where(queue => queue["durable"]!.GetValue<bool>()).ToList();
        Assert.Contains(durable, queue => queue["name"]!.GetValue<string>() == "cluster-lifecycle-state");
        Assert.Contains(durable, queue => queue["name"]!.GetValue<string>() == "aro-scheduler");
        Assert.All(durable, queue => Assert.Equal("quorum", queue["type"]!.GetValue<string>()));
        // The operator tooling finds every error queue without the management API only if it knows every endpoint.
        Assert.Equal(KnownEndpoints.Names.Order(), durable.Select(queue => queue["name"]!.GetValue<string>()).Order());
        var ready = await rp.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_step_that_keeps_failing_lands_in_its_error_queue_with_fault_headers_and_fails_the_operation()
    {
        await using var vhost = await RabbitMqTestBroker.FromEnvironment().CreateVirtualHostAsync();
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, vhost.RpSettings);
        var walkthrough = new Walkthrough(rp.CreateClient(), rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        // 409 is not the request's own fault (CloudFailures.IsPermanent): the DNS consumer throws, and its retries run out.
        await walkthrough.FailInLocalCloudAsync("Microsoft.Network/dnszones/A/write", 409, "AnotherOperationInProgress", "The zone is busy.");
        await walkthrough.WaitUntilReadyAsync();

        var create = await walkthrough.WaitForOperationAsync(await walkthrough.CreateClusterAsync());

        Assert.Equal("Failed", create["status"]!.GetValue<string>());
        Assert.Equal("DnsConfigurationFailed", create["error"]!["code"]!.GetValue<string>());
        var errorQueue = Assert.Single(await vhost.Broker.QueuesAsync(vhost.Name), queue => queue["name"]!.GetValue<string>() == "configure-dns_error");
        Assert.True(errorQueue["durable"]!.GetValue<bool>());
        Assert.Equal("quorum", errorQueue["type"]!.GetValue<string>());
        var operatorSettings = new ConfigurationBuilder().AddInMemoryCollection(vhost.RpSettings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        await using var queues = await DeadLetterQueues.ConnectAsync(RabbitMqSettingsOf(operatorSettings), CancellationToken.None);
        var deadLetter = Assert.Single(await DeadLettersOfAsync(queues, "configure-dns_error"));
        Assert.Equal("configure-dns", deadLetter.OriginalQueue);
        Assert.Equal("Aro.Contracts:ConfigureDns", deadLetter.MessageType);
        Assert.Contains("The zone is busy.", deadLetter.FaultReason, StringComparison.Ordinal);
        Assert.NotNull(deadLetter.MessageId);
        Assert.NotNull(deadLetter.FaultedAt);

        using var listed = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.RunAsync(operatorSettings, "list", queue: null, messageId: null, confirmed: false, listed, CancellationToken.None));
        Assert.Contains(deadLetter.MessageId!, listed.ToString(), StringComparison.Ordinal);
        await AdminDeadLetterChecks.ListsAndShowsAsync(rp.Services, "configure-dns", deadLetter.MessageId!, "configure-dns_error");

        // Fixed: the requeued command now succeeds. The operation stays Failed (a new request retries it), nothing is lost.
        Assert.Equal(HttpStatusCode.NoContent, (await rp.LocalCloud.DeleteAsync("_localcloud/faults")).StatusCode);
        using var requeued = new StringWriter();
        Assert.Equal(0, await DeadLettersCommand.RunAsync(operatorSettings, "requeue", "configure-dns", deadLetter.MessageId, confirmed: false, requeued, CancellationToken.None));
        Assert.Contains("Requeued 1 message(s).", requeued.ToString(), StringComparison.Ordinal);
        Assert.Empty(await queues.ListAsync("configure-dns_error", messageId: null, CancellationToken.None));
    }

    // MassTransit publishes the Fault (which fails the operation) before it moves the message to the error queue,
    // so on a busy machine the operation can read Failed a moment before the dead letter is there.
    private static Task<IReadOnlyList<DeadLetter>> DeadLettersOfAsync(DeadLetterQueues queues, string errorQueue) =>
        Polling.UntilAnyAsync(() => queues.ListAsync(errorQueue, messageId: null, CancellationToken.None), TimeSpan.FromSeconds(30));

    private static Aro.Messaging.RabbitMq.RabbitMqOptions RabbitMqSettingsOf(IConfiguration configuration) =>
        configuration.GetSection("Messaging:RabbitMq").Get<Aro.Messaging.RabbitMq.RabbitMqOptions>()!;
}
