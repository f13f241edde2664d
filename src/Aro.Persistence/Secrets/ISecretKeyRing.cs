namespace Aro.Persistence.Secrets;

/// <summary>
/// The keys secrets are sealed with. Several keys may open (so old values stay readable after a rotation),
/// only the newest seals.
/// </summary>
public interface ISecretKeyRing
{
    /// <summary>The newest key; every new value is sealed with it.</summary>
    SecretKey CurrentKey { get; }

    /// <summary>The key with that id, or null when the ring does not hold it.</summary>
    SecretKey? FindKey(string keyId);
}
