namespace Aro.Persistence.Secrets;

/// <summary>A MAC and the id of the key-ring key it was derived from (needed to verify it after a rotation).</summary>
public sealed record PurposeMacTag(string KeyId, byte[] Mac);
