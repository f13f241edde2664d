using Aro.Persistence.Secrets;

namespace Aro.Rp.Operators;

/// <summary>
/// The keys a rotation re-seals with, as read once when it begins: every key opens what it sealed, and the rotation's
/// own key seals, whatever else was added meanwhile (so a resumed rotation seals with the key it started with). An
/// operator command reading the store holds the vault's keys in one too, the newest sealing.
/// </summary>
internal sealed class RotationKeyRing : ISecretKeyRing
{
    private volatile IReadOnlyList<SecretKey>? _keys;
    private volatile SecretKey? _sealing;

    public SecretKey CurrentKey => _sealing ?? throw NotLoaded();

    public SecretKey? FindKey(string keyId) =>
        (_keys ?? throw NotLoaded()).FirstOrDefault(key => string.Equals(key.Id, keyId, StringComparison.Ordinal));

    /// <summary>Holds <paramref name="keys"/> from now on, the one named <paramref name="sealingKeyId"/> sealing.</summary>
    public void Load(IReadOnlyList<SecretKey> keys, string sealingKeyId)
    {
        var sealing = keys.FirstOrDefault(key => string.Equals(key.Id, sealingKeyId, StringComparison.Ordinal))
            ?? throw new OperatorCommandException($"The sealing key {sealingKeyId} is not among the keys read (is it disabled?).");
        _keys = keys;
        _sealing = sealing;
    }

    private static InvalidOperationException NotLoaded() => new("The rotation has not read its keys yet.");
}
