using System.Security.Cryptography;
using System.Text;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Tests.Secrets;

public sealed class AesGcmSecretProtectorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string KeyDirectory => Path.Combine(_directory.Path, "keys");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_sealed_value_names_its_key_and_opens_to_the_plaintext()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);

        var sealedValue = protector.Protect("s3cr3t"u8);

        Assert.StartsWith($"enc:v1:{ring.CurrentKey.Id}:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", sealedValue, StringComparison.Ordinal);
        Assert.True(protector.IsProtected(sealedValue));
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(protector.Unprotect(sealedValue)));
    }

    [Fact]
    public void Sealing_the_same_value_twice_gives_different_ciphertexts()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.NotEqual(protector.Protect("same"u8), protector.Protect("same"u8));
    }

    [Fact]
    public void An_empty_value_round_trips()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.Empty(protector.Unprotect(protector.Protect([])));
    }

    [Fact]
    public void A_value_sealed_with_an_old_key_opens_after_a_new_key_is_added()
    {
        var sealedValue = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory)).Protect("old"u8);
        var newKey = new FileSecretKeyRing(KeyDirectory).AddKey();

        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.Equal("old", Encoding.UTF8.GetString(protector.Unprotect(sealedValue)));
        Assert.StartsWith($"enc:v1:{newKey.Id}:", protector.Protect("new"u8), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_value_does_not_open()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8);
        var separator = sealedValue.LastIndexOf(':');
        var payload = Convert.FromBase64String(sealedValue[(separator + 1)..]);
        payload[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue[..(separator + 1)] + Convert.ToBase64String(payload)));
    }

    [Fact]
    public void A_value_relabelled_to_another_key_does_not_open()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);
        var oldKey = ring.CurrentKey;
        var sealedValue = protector.Protect("s3cr3t"u8);
        var newKey = ring.AddKey();

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue.Replace(oldKey.Id, newKey.Id, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("enc:v1:")]
    [InlineData("enc:v1:999999-00000000:AAAA")]
    [InlineData("enc:v1:KEY:not base64!")]
    [InlineData("enc:v1:KEY:AAAA")]
    public void Malformed_or_unknown_values_do_not_open(string value)
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value.Replace("KEY", ring.CurrentKey.Id, StringComparison.Ordinal)));
    }
}
