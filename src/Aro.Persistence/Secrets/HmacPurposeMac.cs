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

    private static byte[] Compute(SecretKey key, string purpose, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        Span<byte> derived = stackalloc byte[SecretKey.SizeInBytes];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, derived, salt: [], info: Encoding.UTF8.GetBytes("aro-purpose-mac:" + purpose));
            return HMACSHA256.HashData(derived, data);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }
}
