using Aro.Api.Model;
using Aro.Persistence.Documents;

namespace Aro.Persistence.Tests.Documents;

public sealed class AsyncOperationRetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void An_ended_operation_expires_once_the_retention_has_passed_since_its_end()
    {
        var operation = new AsyncOperation { StartTime = Start, EndTime = Start.AddDays(1) };

        Assert.False(AsyncOperationRetention.IsExpired(operation, Start.AddDays(8), Week));
        Assert.True(AsyncOperationRetention.IsExpired(operation, Start.AddDays(8).AddSeconds(1), Week));
    }

    [Fact]
    public void An_operation_that_never_ended_ages_from_its_start()
    {
        var operation = new AsyncOperation { StartTime = Start };

        Assert.False(AsyncOperationRetention.IsExpired(operation, Start.AddDays(7), Week));
        Assert.True(AsyncOperationRetention.IsExpired(operation, Start.AddDays(7).AddSeconds(1), Week));
    }
}
