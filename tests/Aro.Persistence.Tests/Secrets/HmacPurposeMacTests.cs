using Aro.Persistence.Secrets;

namespace Aro.Persistence.Tests.Secrets;

public sealed class HmacPurposeMacTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string KeyDirectory => Path.Combine(_directory.Path, "keys");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_tag_names_the_current_key_and_verifies_for_the_same_purpose_and_data()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var mac = new HmacPurposeMac(ring);

        var tag = mac.Sign("paging", "page-2"u8);

        Assert.Equal(ring.CurrentKey.Id, tag.KeyId);
        Assert.Equal(HmacPurposeMac.MacSizeInBytes, tag.Mac.Length);
        Assert.True(mac.Verify("paging", tag.KeyId, "page-2"u8, tag.Mac));
    }

    [Fact]
    public void Tags_are_deterministic_so_the_same_page_always_links_the_same_way()
    {
        var mac = new HmacPurposeMac(new FileSecretKeyRing(KeyDirectory));

        Assert.Equal(mac.Sign("paging", "x"u8).Mac, mac.Sign("paging", "x"u8).Mac);
    }

    [Fact]
    public void Other_data_another_purpose_a_changed_tag_or_an_unknown_key_do_not_verify()
    {
        var mac = new HmacPurposeMac(new FileSecretKeyRing(KeyDirectory));
        var tag = mac.Sign("paging", "page-2"u8);
        var flipped = (byte[])tag.Mac.Clone();
        flipped[0] ^= 1;

        Assert.False(mac.Verify("paging", tag.KeyId, "page-3"u8, tag.Mac));
        Assert.False(mac.Verify("other-purpose", tag.KeyId, "page-2"u8, tag.Mac));
        Assert.False(mac.Verify("paging", tag.KeyId, "page-2"u8, flipped));
        Assert.False(mac.Verify("paging", tag.KeyId, "page-2"u8, tag.Mac.AsSpan(0, 16)));
        Assert.False(mac.Verify("paging", "000099-deadbeef", "page-2"u8, tag.Mac));
    }

    [Fact]
    public void A_tag_made_before_a_rotation_still_verifies_and_new_tags_use_the_new_key()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var mac = new HmacPurposeMac(ring);
        var old = mac.Sign("paging", "page-2"u8);

        var newKey = ring.AddKey();

        Assert.True(mac.Verify("paging", old.KeyId, "page-2"u8, old.Mac));
        Assert.Equal(newKey.Id, mac.Sign("paging", "page-2"u8).KeyId);
    }

    [Fact]
    public void The_derived_key_differs_from_the_ring_key_used_for_sealing()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var tag = new HmacPurposeMac(ring).Sign("paging", "data"u8);

        Assert.NotEqual(System.Security.Cryptography.HMACSHA256.HashData(ring.CurrentKey.Material, "data"u8), tag.Mac);
    }
}
