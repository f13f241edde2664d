namespace Aro.Api.Model;

public enum ProvisioningState
{
    Creating,
    Updating,
    AdminUpdating,
    Deleting,
    Succeeded,
    Failed,
}
