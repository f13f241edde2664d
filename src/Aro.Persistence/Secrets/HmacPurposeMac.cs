using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Aro.Persistence.Secrets;

/// <summary>
/// HMAC-SHA256 under a key derived per purpose with HKDF-SHA256 from a key-ring key. Tags made with an older
/// key keep verifying while that key is in the ring, exactly as sealed secrets keep opening.
/// </summary>
public sealed class HmacPurposeMac(ISecretKeyRing keyRing) : IPurposeMac
{
    public const int MacSizeInBytes = HMACSHA256.HashSizeInBytes;

    // Each purpose's key is derived once per key-ring key and kept beside it (the ring keeps its keys in memory too):
    // HKDF costs three HMACs, and a tag is made or checked on every list page that has another (issue 16).
    private readonly ConcurrentDictionary<(string KeyId, string Purpose), byte[]> _derivedKeys = new();

    public string CurrentKeyId => keyRing.CurrentKey.Id;

    public PurposeMacTag Sign(string purpose, ReadOnlySpan<byte> data)
    {
        var key = keyRing.CurrentKey;
        return new PurposeMacTag(key.Id, Compute(key, purpose, data));
    }

    public bool Verify(string purpose, string keyId, ReadOnlySpan<byte> data, ReadOnlySpan<byte> mac)
    {
        var key = keyRing.FindKey(keyId);
        return key is not null
            && mac.Length == MacSizeInBytes
            && CryptographicOperations.FixedTimeEquals(Compute(key, purpose, data), mac);
    }

    private byte[] Compute(SecretKey key, string purpose, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (!_derivedKeys.TryGetValue((key.Id, purpose), out var derived))
        {
            derived = new byte[SecretKey.SizeInBytes];
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, derived, salt: [], info: Encoding.UTF8.GetBytes("aro-purpose-mac:" + purpose));
            derived = _derivedKeys.GetOrAdd((key.Id, purpose), derived);
        }

        return HMACSHA256.HashData(derived, data);
    }
}
