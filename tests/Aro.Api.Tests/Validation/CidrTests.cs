using Aro.Api.Validation;

namespace Aro.Api.Tests.Validation;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.128.0.0/14", true, 14)]
    [InlineData("10.128.0.1/14", true, 14)]
    [InlineData("0.0.0.0/0", true, 0)]
    [InlineData("fd00::/48", false, 48)]
    public void Parses(string value, bool isIPv4, int prefixLength)
    {
        Assert.True(Cidr.TryParse(value, out var cidr, out var error));
        Assert.Equal(isIPv4, cidr.IsIPv4);
        Assert.Equal(prefixLength, cidr.PrefixLength);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("10.0.0.0")]
    [InlineData("10/8")]
    [InlineData("10.0.0/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("fd00::/129")]
    [InlineData("fd00::%1/64")]
    public void Rejects_with_gos_message(string value)
    {
        Assert.False(Cidr.TryParse(value, out _, out var error));
        Assert.Equal($"invalid CIDR address: {value}", error);
    }
}
