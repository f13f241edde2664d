namespace Aro.Api.Model;

public static class ProvisioningStateExtensions
{
    /// <summary>Terminal states accept new writes; the others mean an operation is still running.</summary>
    public static bool IsTerminal(this ProvisioningState state) =>
        state is ProvisioningState.Succeeded or ProvisioningState.Failed;
}
