using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class TimeoutTests
{
    private static readonly Action<ClusterLifecycleOptions> TinyTimeouts = options =>
    {
        // Long enough that a fake step answers in time on a busy machine, short of the harness's 3 s quiet period.
        options.StepTimeout = TimeSpan.FromSeconds(1);
        options.MaxStepAttempts = 3;
    };

    [Fact]
    public async Task An_unanswered_step_is_retried_then_fails_with_its_timeout_error()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(TinyTimeouts);
        lifecycle.Cloud.Answer<ValidateNetwork>(StepAnswer.Silent);

        await lifecycle.CreateAsync("op");

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal("NetworkValidationTimeout", failed.Code);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);
        var attempts = await lifecycle.DeliveredWhenQuietAsync<ValidateNetwork>();
        Assert.Equal(3, attempts.Count);
        // Each retry is a new attempt, so a new message id.
        Assert.Equal(3, attempts.Select(a => a.MessageId).Distinct().Count());
        Assert.Single(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
    }

    [Fact]
    public async Task A_retry_after_a_timeout_recovers_a_lost_command()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(TinyTimeouts);
        lifecycle.Cloud.Answer<ProvisionVirtualMachines>(StepAnswer.SilentOnce);

        await lifecycle.CreateRunningAsync("op");

        Assert.Equal(2, (await lifecycle.DeliveredWhenQuietAsync<ProvisionVirtualMachines>()).Count);
        Assert.Empty(lifecycle.Cloud.Delivered<ClusterProvisioningFailed>());
    }

    [Fact]
    public async Task A_timeout_in_the_fork_retries_only_the_branch_still_outstanding()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(TinyTimeouts);
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Silent);

        await lifecycle.CreateAsync("op");

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal("DnsConfigurationTimeout", failed.Code);
        Assert.Equal(3, (await lifecycle.DeliveredWhenQuietAsync<ConfigureDns>()).Count);
        Assert.Single(lifecycle.Cloud.Delivered<GenerateIgnition>());
    }

    [Fact]
    public async Task A_scale_that_never_answers_fails_the_update_with_a_scaling_timeout()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync(TinyTimeouts);
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Silent);

        await lifecycle.ScaleAsync("op-scale", 4);

        var failed = await lifecycle.PublishedAsync<ClusterUpdateFailed>(m => m.OperationId == "op-scale");
        Assert.Equal("WorkerScalingTimeout", failed.Code);
    }
}
