namespace Aro.Orchestration;

/// <summary>
/// The CloudError an operation fails with when a step's consumer gave up (its command faulted) or never
/// answered. Each step has its own, so the user sees which part failed, never the exception behind it.
/// </summary>
internal sealed record StepError(string Code, string Message)
{
    private const string RetryAdvice = " Retry the operation; if it keeps failing, contact support.";

    public static readonly StepError NetworkValidationFailed = new(nameof(NetworkValidationFailed), "The cluster's virtual network and subnets could not be validated." + RetryAdvice);
    public static readonly StepError NetworkValidationTimeout = new(nameof(NetworkValidationTimeout), "Validating the cluster's virtual network and subnets did not finish in time." + RetryAdvice);
    public static readonly StepError DnsConfigurationFailed = new(nameof(DnsConfigurationFailed), "The cluster's DNS records could not be configured." + RetryAdvice);
    public static readonly StepError DnsConfigurationTimeout = new(nameof(DnsConfigurationTimeout), "Configuring the cluster's DNS records did not finish in time." + RetryAdvice);
    public static readonly StepError IgnitionGenerationFailed = new(nameof(IgnitionGenerationFailed), "The cluster's Ignition configuration could not be generated." + RetryAdvice);
    public static readonly StepError IgnitionGenerationTimeout = new(nameof(IgnitionGenerationTimeout), "Generating the cluster's Ignition configuration did not finish in time." + RetryAdvice);
    public static readonly StepError VirtualMachineProvisioningFailed = new(nameof(VirtualMachineProvisioningFailed), "The cluster's virtual machines could not be provisioned." + RetryAdvice);
    public static readonly StepError VirtualMachineProvisioningTimeout = new(nameof(VirtualMachineProvisioningTimeout), "Provisioning the cluster's virtual machines did not finish in time." + RetryAdvice);
    public static readonly StepError CredentialsIssuanceFailed = new(nameof(CredentialsIssuanceFailed), "The cluster's credentials could not be issued." + RetryAdvice);
    public static readonly StepError CredentialsIssuanceTimeout = new(nameof(CredentialsIssuanceTimeout), "Issuing the cluster's credentials did not finish in time." + RetryAdvice);
    public static readonly StepError WorkerScalingFailed = new(nameof(WorkerScalingFailed), "The cluster's workers could not be scaled to the requested count." + RetryAdvice);
    public static readonly StepError WorkerScalingTimeout = new(nameof(WorkerScalingTimeout), "Scaling the cluster's workers did not finish in time." + RetryAdvice);
    public static readonly StepError ClusterTeardownFailed = new(nameof(ClusterTeardownFailed), "The cluster's resources could not all be removed. Delete the cluster again to retry.");
    public static readonly StepError ClusterTeardownTimeout = new(nameof(ClusterTeardownTimeout), "Removing the cluster's resources did not finish in time. Delete the cluster again to retry.");
}
