using Aro.Api;
using Aro.Cloud;

namespace Aro.Consumers.Clusters;

/// <summary>
/// Where every step consumer tells a permanent refusal by the cloud from a passing failure. A refusal (a 403 from
/// blob storage, a 401 from a cluster's Kubernetes API, a 400 from ARM), thrown from however deep in the step, fails
/// the step at once with the cloud's own code and message; anything else propagates to the endpoint's retry policy
/// and, when that is spent, to the saga as a fault.
/// </summary>
internal static class PermanentCloudRefusals
{
    public static async Task<TOutcome> FailOnPermanentRefusalAsync<TOutcome>(this Task<TOutcome> step, Func<CloudErrorBody, TOutcome> failed)
    {
        try
        {
            return await step;
        }
        catch (Exception e) when (e.AsPermanentCloudError(target: null) is not null)
        {
            return failed(e.AsPermanentCloudError(target: null)!);
        }
    }
}
