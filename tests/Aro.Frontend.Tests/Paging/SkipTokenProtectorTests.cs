using System.Buffers.Text;
using System.Net;
using System.Text;
using Aro.Api;
using Aro.Frontend.Paging;
using Aro.Persistence.Secrets;

namespace Aro.Frontend.Tests.Paging;

public sealed class SkipTokenProtectorTests : IDisposable
{
    private const string Scope = "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg/";

    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("aro-skiptoken-tests-").FullName;
    private readonly FileSecretKeyRing _ring;
    private readonly SkipTokenProtector _protector;

    public SkipTokenProtectorTests()
    {
        _ring = new FileSecretKeyRing(_keyDirectory);
        _protector = new SkipTokenProtector(new HmacPurposeMac(_ring));
    }

    public void Dispose() => Directory.Delete(_keyDirectory, recursive: true);

    [Theory]
    [InlineData("djE6L3N1YnNjcmlwdGlvbnMvMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAxL3Jlc291cmNlZ3JvdXBzL3JnL3Byb3ZpZGVycy9taWNyb3NvZnQ=")]
    [InlineData("{\"token\":\"+RID:~abc==#RT:1#TRC:3\",\"range\":{\"min\":\"\",\"max\":\"FF\"}}")]
    [InlineData("ünïcødé")]
    public void A_token_opens_to_the_continuation_in_the_scope_it_was_issued_for(string continuation)
    {
        var token = _protector.Protect(Scope, continuation);

        Assert.Equal(continuation, _protector.Unprotect(Scope, token));
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.DoesNotContain(continuation, token, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_issued_before_a_key_rotation_still_opens()
    {
        var token = _protector.Protect(Scope, "continuation");

        _ring.AddKey();

        Assert.Equal("continuation", _protector.Unprotect(Scope, token));
    }

    [Fact]
    public void A_token_whose_continuation_was_swapped_for_another_does_not_open()
    {
        var bytes = Base64Url.DecodeFromChars(_protector.Protect(Scope, "after-a"));
        var forged = bytes[..^1].Concat(Encoding.UTF8.GetBytes("b")).ToArray();

        AssertInvalid(() => _protector.Unprotect(Scope, Base64Url.EncodeToString(forged)));
    }

    [Fact]
    public void A_token_does_not_open_in_another_scope()
    {
        var token = _protector.Protect(Scope, "continuation");

        AssertInvalid(() => _protector.Unprotect(Scope.Replace("/rg/", "/rg2/", StringComparison.Ordinal), token));
        AssertInvalid(() => _protector.Unprotect("/subscriptions/00000000-0000-0000-0000-000000000001/", token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("AQ")]
    [InlineData("AgA")]
    public void Malformed_tokens_do_not_open(string token) => AssertInvalid(() => _protector.Unprotect(Scope, token));

    [Fact]
    public void A_token_naming_a_malformed_key_id_is_refused()
    {
        var keyId = "../x:y"u8.ToArray();
        var token = new byte[2 + keyId.Length + 32 + 1];
        token[0] = 1;
        token[1] = (byte)keyId.Length;
        keyId.CopyTo(token, 2);

        AssertInvalid(() => _protector.Unprotect(Scope, System.Buffers.Text.Base64Url.EncodeToString(token)));
    }

    [Fact]
    public void An_oversized_token_is_refused_before_it_is_decoded() =>
        AssertInvalid(() => _protector.Unprotect(Scope, new string('A', 5000)));

    private static void AssertInvalid(Action action)
    {
        var error = Assert.Throws<CloudError>(action);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(new CloudErrorBody("InvalidParameter", "The provided $skipToken is malformed or invalid.", "$skipToken"), error.Body);
    }
}
