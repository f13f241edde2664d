using Aro.Api.Model;

namespace Aro.Api.Versioning;

/// <summary>What static validation compares a request with.</summary>
/// <param name="ResourceId">The resource id from the request URL, in the caller's casing.</param>
/// <param name="Location">The location this RP serves (e.g. eastus).</param>
/// <param name="Existing">The stored cluster for an update, null for a create.</param>
public sealed record StaticValidationContext(string ResourceId, string Location, OpenShiftCluster? Existing)
{
    public bool IsCreate => Existing is null;
}
