using System.Security.Cryptography;
using System.Text;
using Aro.Persistence.Secrets;

namespace Aro.Persistence.Tests.Secrets;

public sealed class AesGcmSecretProtectorTests : IDisposable
{
    private const string ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg/providers/microsoft.redhatopenshift/openshiftclusters/one";

    private static readonly SecretBinding ClientSecret = new(ClusterId, "clientSecret");

    private readonly TemporaryDirectory _directory = new();

    private string KeyDirectory => Path.Combine(_directory.Path, "keys");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_sealed_value_names_its_key_and_opens_to_the_plaintext()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);

        var sealedValue = protector.Protect("s3cr3t"u8, ClientSecret);

        Assert.StartsWith($"enc:v2:{ring.CurrentKey.Id}:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", sealedValue, StringComparison.Ordinal);
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(protector.Unprotect(sealedValue, ClientSecret)));
    }

    [Fact]
    public void A_value_sealed_for_another_document_does_not_open()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8, new SecretBinding(ClusterId.Replace("/one", "/two", StringComparison.Ordinal), "clientSecret"));

        var refused = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue, ClientSecret));

        Assert.Contains("sealed for another document or field", refused.Message, StringComparison.Ordinal);
        Assert.Contains(ClusterId, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_sealed_for_another_field_does_not_open()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8, new SecretBinding(ClusterId, "pullSecret"));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue, ClientSecret));
    }

    [Fact]
    public void Document_id_and_field_cannot_trade_characters()
    {
        // Without a separator, ("ab", "c") and ("a", "bc") would be the same associated data.
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8, new SecretBinding(ClusterId + "/x", "clientSecret"));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue, new SecretBinding(ClusterId, "/xclientSecret")));
    }

    [Fact]
    public void Sealing_the_same_value_twice_gives_different_ciphertexts()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.NotEqual(protector.Protect("same"u8, ClientSecret), protector.Protect("same"u8, ClientSecret));
    }

    [Fact]
    public void An_empty_value_round_trips()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.Empty(protector.Unprotect(protector.Protect([], ClientSecret), ClientSecret));
    }

    [Fact]
    public void A_value_sealed_with_an_old_key_opens_after_a_new_key_is_added()
    {
        var sealedValue = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory)).Protect("old"u8, ClientSecret);
        var newKey = new FileSecretKeyRing(KeyDirectory).AddKey();

        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));

        Assert.Equal("old", Encoding.UTF8.GetString(protector.Unprotect(sealedValue, ClientSecret)));
        Assert.StartsWith($"enc:v2:{newKey.Id}:", protector.Protect("new"u8, ClientSecret), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_value_does_not_open()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8, ClientSecret);
        var separator = sealedValue.LastIndexOf(':');
        var payload = Convert.FromBase64String(sealedValue[(separator + 1)..]);
        payload[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue[..(separator + 1)] + Convert.ToBase64String(payload), ClientSecret));
    }

    [Fact]
    public void A_value_relabelled_to_another_key_does_not_open()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);
        var oldKey = ring.CurrentKey;
        var sealedValue = protector.Protect("s3cr3t"u8, ClientSecret);
        var newKey = ring.AddKey();

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue.Replace(oldKey.Id, newKey.Id, StringComparison.Ordinal), ClientSecret));
    }

    [Fact]
    public void A_value_relabelled_to_the_unbound_format_is_refused_as_such()
    {
        var protector = new AesGcmSecretProtector(new FileSecretKeyRing(KeyDirectory));
        var sealedValue = protector.Protect("s3cr3t"u8, ClientSecret);

        var refused = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue.Replace("enc:v2:", "enc:v1:", StringComparison.Ordinal), ClientSecret));

        Assert.Contains("enc:v1, which is no longer accepted", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("enc:v2:")]
    [InlineData("enc:v2:999999-00000000:AAAA")]
    [InlineData("enc:v2:KEY:not base64!")]
    [InlineData("enc:v2:KEY:AAAA")]
    public void Malformed_or_unknown_values_do_not_open(string value)
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var protector = new AesGcmSecretProtector(ring);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value.Replace("KEY", ring.CurrentKey.Id, StringComparison.Ordinal), ClientSecret));
    }
}
