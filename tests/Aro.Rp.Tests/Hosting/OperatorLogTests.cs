using Aro.Rp.Tests.EndToEnd;
using Aro.Rp.Tests.EndToEnd.Recording;
using Serilog.Events;

namespace Aro.Rp.Tests.Hosting;

/// <summary>
/// What docs/operations.md promises the logs say, read from the real RP's Serilog pipeline while a cluster is
/// created and deleted: the request completion line with ARM's ids, a line per published request, and one line per
/// operation when it ends.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(WholeLogCollection))]
public sealed class OperatorLogTests
{
    private const string CompletionTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";
    private const string PublishedTemplate = "Published {MessageType} for {ResourceId} (operation {OperationId})";
    private const string SucceededTemplate = "Operation {OperationKind} of {ResourceId} Succeeded (operation {OperationId})";

    [Fact]
    public async Task A_create_and_a_delete_log_their_requests_with_ARM_ids_their_publishes_and_their_outcomes_once()
    {
        var log = new CapturedLogEvents();
        using var state = new RpState();
        await using var rp = new AllInOneRp(state, new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" }).WithLogSink(log);
        var client = rp.CreateClient();
        client.DefaultRequestHeaders.Add("x-ms-correlation-request-id", "corr-7f3a");
        client.DefaultRequestHeaders.Add("x-ms-client-request-id", "client-91bc");
        var walkthrough = new Walkthrough(client, rp.LocalCloud);
        await walkthrough.CreateVirtualNetworkAsync();
        await walkthrough.RegisterSubscriptionAsync();
        var resourceId = walkthrough.ClusterUrl;

        var put = await walkthrough.PutClusterAsync();
        var createOperation = OperationIdOf(put);
        await walkthrough.WaitForOperationAsync(put.Headers.GetValues("Azure-AsyncOperation").Single());
        var deleteOperationUrl = await walkthrough.DeleteAsync();
        await walkthrough.WaitForOperationAsync(deleteOperationUrl);
        var deleteOperation = OperationIdOf(deleteOperationUrl);

        var completion = Assert.Single(await log.WaitForAsync(CompletionTemplate, e => Text(e, "RequestMethod") == "PUT" && Text(e, "RequestPath") == resourceId));
        Assert.Equal("201", Text(completion, "StatusCode"));
        Assert.Equal(put.Headers.GetValues("x-ms-request-id").Single(), Text(completion, "RequestId"));
        Assert.Equal("corr-7f3a", Text(completion, "CorrelationRequestId"));
        Assert.Equal("client-91bc", Text(completion, "ClientRequestId"));

        var published = await log.WaitForAsync(PublishedTemplate, e => Text(e, "ResourceId") == resourceId, count: 2);
        Assert.Equal(
            [("ClusterCreateRequested", createOperation), ("ClusterDeleteRequested", deleteOperation)],
            published.Select(e => (Text(e, "MessageType"), Text(e, "OperationId"))));

        var ended = await log.WaitForAsync(SucceededTemplate, e => Text(e, "ResourceId") == resourceId, count: 2);
        Assert.Equal([("create", createOperation), ("delete", deleteOperation)], ended.Select(e => (Text(e, "OperationKind"), Text(e, "OperationId"))));
        Assert.All(ended, e => Assert.Equal(LogEventLevel.Information, e.Level));
    }

    private static string? Text(LogEvent logEvent, string property) => CapturedLogEvents.Property(logEvent, property);

    private static string OperationIdOf(HttpResponseMessage response) => OperationIdOf(response.Headers.GetValues("Azure-AsyncOperation").Single());

    // .../locations/eastus/operationsstatus/{id}?api-version=...
    private static string OperationIdOf(string operationUrl) => new Uri(operationUrl).Segments[^1];
}
