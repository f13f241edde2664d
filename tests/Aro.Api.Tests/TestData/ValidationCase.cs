using System.Text.Json.Nodes;
using Aro.Api.Model;

namespace Aro.Api.Tests.TestData;

/// <summary>
/// One row of a static validation table: a change to the valid fixture and the one error it must produce
/// (Code null means the request must be accepted). Update rows start from the stored cluster's external
/// form, as the frontend's PATCH merge does.
/// </summary>
public sealed record ValidationCase(
    string Name,
    Action<JsonObject> Mutate,
    string? Code = null,
    string? Target = null,
    string? Message = null,
    bool IsUpdate = false,
    Action<OpenShiftCluster>? MutateExisting = null)
{
    public override string ToString() => Name;
}
