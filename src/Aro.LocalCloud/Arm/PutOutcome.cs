using System.Text.Json.Nodes;

namespace Aro.LocalCloud.Arm;

/// <summary>
/// What a create-or-update did, decided under the store lock and answered after it is released.
/// A class, not a record: the two failure sentinels must compare by reference.
/// </summary>
internal sealed class PutOutcome(bool created, JsonNode? body)
{
    public static readonly PutOutcome ParentMissing = new(false, null);

    public static readonly PutOutcome Missing = new(false, null);

    public bool Created { get; } = created;

    public JsonNode? Body { get; } = body;
}
