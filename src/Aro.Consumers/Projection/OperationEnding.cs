using Aro.Api;
using Aro.Api.Model;

namespace Aro.Consumers.Projection;

/// <summary>
/// The change that ends an operation with <see cref="Status"/>, applied to its record (again after a lost ETag race,
/// on fresh state), and whether the attempt that was written ended it: an operation ended already stays as it is.
/// </summary>
internal sealed class OperationEnding(ProvisioningState status, CloudErrorBody? error, TimeProvider timeProvider)
{
    public ProvisioningState Status => status;

    public CloudErrorBody? Error => error;

    /// <summary>Set by the attempt that ended the operation: the state it started in and how long it took.</summary>
    public (ProvisioningState StartedIn, TimeSpan Duration)? Ended { get; private set; }

    /// <summary>Ends <paramref name="operation"/> unless it has ended; true when it changed.</summary>
    public bool Apply(AsyncOperation operation)
    {
        Ended = null;
        if (operation.Status.IsTerminal())
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        Ended = (operation.Status, now - operation.StartTime);
        operation.Status = status;
        operation.Error = error;
        operation.EndTime = now;
        if (status == ProvisioningState.Succeeded)
        {
            operation.PercentComplete = 100;
        }

        return true;
    }
}
