using MassTransit;

namespace Aro.Consumers;

/// <summary>
/// The consumers' retry policies, named by what they retry, so each definition says which one its step needs. A
/// permanent failure never reaches them: the step answers it with its failure event. What throws is transient.
/// </summary>
public static class RetryPolicies
{
    /// <summary>A short step against cloud APIs (throttling, a restarted endpoint): four pauses up to 15 s.</summary>
    public static void ShortCloudStep(IRetryConfigurator retry) => retry.Intervals(250, 1000, 5000, 15000);

    /// <summary>
    /// A long step that creates or removes machines and resumes from what exists: five attempts with exponentially
    /// growing pauses, up to two minutes.
    /// </summary>
    public static void LongCloudStep(IRetryConfigurator retry) =>
        retry.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5));

    /// <summary>A write to the store (the store itself retries a lost ETag race at once): four quick pauses up to 5 s.</summary>
    public static void StoreWrite(IRetryConfigurator retry) => retry.Intervals(100, 500, 1000, 5000);
}
