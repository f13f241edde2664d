namespace Aro.Persistence.Secrets;

/// <summary>
/// Authenticates values the RP hands to clients and must get back unchanged (paging tokens), with keys of
/// the secret key ring. Each purpose gets its own derived key, so a tag made for one purpose never
/// verifies for another and the ring's keys are never used directly for anything but sealing secrets.
/// </summary>
public interface IPurposeMac
{
    /// <summary>The id of the key <see cref="Sign"/> tags with now.</summary>
    string CurrentKeyId { get; }

    /// <summary>Tags <paramref name="data"/> with the ring's current key; the tag names that key.</summary>
    PurposeMacTag Sign(string purpose, ReadOnlySpan<byte> data);

    /// <summary>
    /// Whether <paramref name="mac"/> is the tag of <paramref name="data"/> for <paramref name="purpose"/> under
    /// key <paramref name="keyId"/>; false for an unknown key or any mismatch.
    /// </summary>
    bool Verify(string purpose, string keyId, ReadOnlySpan<byte> data, ReadOnlySpan<byte> mac);
}
