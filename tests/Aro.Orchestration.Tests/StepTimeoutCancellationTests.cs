using Aro.Messaging.InMemory;
using Aro.Persistence.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Orchestration.Tests;

/// <summary>
/// A step that answers takes its timeout with it (issue 16, item 4): once creates have settled, no scheduler holds a
/// timeout of theirs. Counted, on each scheduler the saga runs on, never timed.
/// </summary>
public sealed class StepTimeoutCancellationTests : IDisposable
{
    private const int Creates = 20;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "aro-orchestration-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Settled_creates_leave_no_timeout_pending_in_the_in_memory_scheduler()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        var scheduler = lifecycle.Services.GetRequiredService<InMemoryMessageScheduler>();

        await lifecycle.CreateManyRunningAsync(Creates);
        await lifecycle.Harness.InactivityTask;

        Assert.Equal(0, scheduler.PendingCount);
    }

    [Fact]
    public async Task Settled_creates_leave_no_timeout_pending_in_the_store_backed_scheduler()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(storedSchedulerDirectory: _dataDirectory);
        var store = lifecycle.Services.GetRequiredService<IScheduledMessageStore>();

        await lifecycle.CreateManyRunningAsync(Creates);
        await lifecycle.Harness.InactivityTask;

        Assert.Empty(await store.ListDueAsync(DateTimeOffset.UtcNow.AddYears(1), int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_step_in_progress_holds_exactly_its_own_timeout()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        var scheduler = lifecycle.Services.GetRequiredService<InMemoryMessageScheduler>();
        lifecycle.Cloud.Answer<Aro.Contracts.ProvisionVirtualMachines>(StepAnswer.Silent);

        await lifecycle.CreateAsync("op-create");
        await lifecycle.Cloud.WaitForAsync<Aro.Contracts.ProvisionVirtualMachines>(1);
        await lifecycle.Harness.InactivityTask;

        // The timeouts of the two steps before (and of the fork) were cancelled as each answered.
        Assert.Equal(1, scheduler.PendingCount);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
