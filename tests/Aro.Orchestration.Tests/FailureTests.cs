using Aro.Contracts;

namespace Aro.Orchestration.Tests;

public sealed class FailureTests
{
    public static TheoryData<Type> CreateSteps => [typeof(ValidateNetwork), typeof(ConfigureDns), typeof(GenerateIgnition), typeof(ProvisionVirtualMachines), typeof(IssueCredentials)];

    [Theory]
    [MemberData(nameof(CreateSteps))]
    public async Task A_failing_create_step_fails_the_create_with_that_steps_own_error(Type command)
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        Answer(lifecycle.Cloud, command, StepAnswer.Fail);

        await lifecycle.CreateAsync("op");

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        var (code, message, target) = FakeCloud.RejectionOf(command);
        Assert.Equal(new ClusterProvisioningFailed(lifecycle.ClusterId, lifecycle.ResourceId, "op", code, message, target), failed);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);
        Assert.Empty(await lifecycle.DeliveredWhenQuietAsync<ClusterProvisioningSucceeded>());
    }

    public static TheoryData<Type, string> FaultedCreateSteps => new()
    {
        { typeof(ValidateNetwork), "NetworkValidationFailed" },
        { typeof(ConfigureDns), "DnsConfigurationFailed" },
        { typeof(GenerateIgnition), "IgnitionGenerationFailed" },
        { typeof(ProvisionVirtualMachines), "VirtualMachineProvisioningFailed" },
        { typeof(IssueCredentials), "CredentialsIssuanceFailed" },
    };

    [Theory]
    [MemberData(nameof(FaultedCreateSteps))]
    public async Task A_faulted_create_step_fails_the_create_with_a_step_specific_error_and_no_exception_text(Type command, string expectedCode)
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        Answer(lifecycle.Cloud, command, StepAnswer.Throw);

        await lifecycle.CreateAsync("op");

        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal(expectedCode, failed.Code);
        Assert.DoesNotContain("AccountKey", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), failed.Message, StringComparison.Ordinal);
        Assert.NotEqual("InternalServerError", failed.Code);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);
    }

    [Fact]
    public async Task A_dns_fault_yields_a_dns_specific_failure()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<ConfigureDns>(StepAnswer.Throw);

        await lifecycle.CreateAsync("op");

        await lifecycle.ConsumedAsync<MassTransit.Fault<ConfigureDns>>(m => m.Message.OperationId == "op");
        var failed = await lifecycle.PublishedAsync<ClusterProvisioningFailed>(m => m.OperationId == "op");
        Assert.Equal("DnsConfigurationFailed", failed.Code);
        Assert.Equal("The cluster's DNS records could not be configured. Retry the operation; if it keeps failing, contact support.", failed.Message);
        Assert.Null(failed.Target);
    }

    [Fact]
    public async Task A_failing_scale_fails_the_update_with_the_scale_error()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Fail);

        await lifecycle.ScaleAsync("op-scale", 5);

        var failed = await lifecycle.PublishedAsync<ClusterUpdateFailed>(m => m.OperationId == "op-scale");
        var (code, message, target) = FakeCloud.RejectionOf(typeof(ScaleWorkers));
        Assert.Equal(new ClusterUpdateFailed(lifecycle.ClusterId, lifecycle.ResourceId, "op-scale", code, message, target), failed);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);
    }

    [Fact]
    public async Task A_faulted_scale_fails_the_update_with_a_scaling_error()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<ScaleWorkers>(StepAnswer.Throw);

        await lifecycle.ScaleAsync("op-scale", 5);

        var failed = await lifecycle.PublishedAsync<ClusterUpdateFailed>(m => m.OperationId == "op-scale");
        Assert.Equal("WorkerScalingFailed", failed.Code);
    }

    [Fact]
    public async Task A_failing_teardown_fails_the_delete_and_a_second_delete_converges()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        await lifecycle.CreateRunningAsync("op-create");
        lifecycle.Cloud.Answer<TearDownCluster>(StepAnswer.Fail);

        await lifecycle.DeleteAsync("op-delete-1");

        var failed = await lifecycle.PublishedAsync<ClusterDeletionFailed>(m => m.OperationId == "op-delete-1");
        var (code, message, target) = FakeCloud.RejectionOf(typeof(TearDownCluster));
        Assert.Equal(new ClusterDeletionFailed(lifecycle.ClusterId, lifecycle.ResourceId, "op-delete-1", code, message, target), failed);
        await lifecycle.AssertStateAsync(lifecycle.Machine.Failed);

        lifecycle.Cloud.Answer<TearDownCluster>(StepAnswer.Succeed);
        await lifecycle.DeleteAsync("op-delete-2");

        await lifecycle.PublishedAsync<ClusterDeleted>(m => m.OperationId == "op-delete-2");
        Assert.False((await lifecycle.Saga.NotExists(lifecycle.ClusterId)).HasValue);
    }

    [Fact]
    public async Task A_faulted_teardown_fails_the_delete_with_a_teardown_error()
    {
        await using var lifecycle = await LifecycleHarness.StartAsync();
        lifecycle.Cloud.Answer<TearDownCluster>(StepAnswer.Throw);

        await lifecycle.DeleteAsync("op-delete");

        var failed = await lifecycle.PublishedAsync<ClusterDeletionFailed>(m => m.OperationId == "op-delete");
        Assert.Equal("ClusterTeardownFailed", failed.Code);
    }

    private static void Answer(FakeCloud cloud, Type command, StepAnswer answer) =>
        typeof(FakeCloud).GetMethod(nameof(FakeCloud.Answer))!.MakeGenericMethod(command).Invoke(cloud, [answer]);
}
