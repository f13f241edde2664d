using System.Net;
using Aro.Api;
using Aro.Rp.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The admin API's dead letters (what <c>GET /admin/deadLetters</c> and <c>GET /admin/deadLetters/{queue}/{messageId}</c>
/// answer) on the broker a running RP uses. Its routes and their certificates are covered by the certificate matrix; here
/// the same service is asked directly, since a development RP's admin API still wants an admin certificate.
/// </summary>
internal static class AdminDeadLetterChecks
{
    public static async Task ListsAndShowsAsync(IServiceProvider services, string queue, string messageId, string deadLetterQueue)
    {
        var admin = services.GetRequiredService<AdminDeadLetters>();

        var listed = Assert.Single(await admin.ListAsync(queue, messageId, CancellationToken.None));
        Assert.Equal(deadLetterQueue, listed.Queue);
        Assert.Equal(queue, listed.OriginalQueue);
        Assert.Contains(await admin.ListAsync(queue: null, messageId: null, CancellationToken.None), d => d.MessageId == messageId);

        var shown = await admin.ShowAsync(queue, messageId, CancellationToken.None);
        Assert.NotNull(shown);
        Assert.Equal(deadLetterQueue, shown.Queue);
        Assert.Equal(messageId, shown.MessageId);
        Assert.Contains("ConfigureDns", shown.Body, StringComparison.Ordinal);
        Assert.NotEmpty(shown.Headers);
        Assert.Null(await admin.ShowAsync(queue, "no-such-id", CancellationToken.None));

        var notOurs = await Assert.ThrowsAsync<CloudError>(() => admin.ListAsync("someone-elses-queue", messageId: null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, notOurs.StatusCode);
    }
}
