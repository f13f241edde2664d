using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class IdPrefixRangeTests
{
    [Theory]
    [InlineData("/subscriptions/s/resourcegroups/rg/", "/subscriptions/s/resourcegroups/rg0")]
    [InlineData("a", "b")]
    [InlineData("a%", "a&")]
    [InlineData("a\uD7FE", "a\uD7FF")]
    [InlineData("a\uD7FF", "a\uE000")]
    [InlineData("a\uE000", "a\uE001")]
    [InlineData("a\uFFFE", "a\uFFFF")]
    [InlineData("a\uFFFF", "a\U00010000")]
    [InlineData("a\U00010000", "a\U00010001")]
    [InlineData("a\U0010FFFF", "b")]
    [InlineData("ab\U0010FFFF\U0010FFFF", "ac")]
    public void The_upper_bound_is_the_prefix_with_its_last_code_point_incremented(string prefix, string expected)
    {
        Assert.Equal(expected, IdPrefixRange.UpperBound(prefix));
    }

    [Fact]
    public void A_prefix_of_only_maximal_code_points_has_no_upper_bound()
    {
        Assert.Null(IdPrefixRange.UpperBound("\U0010FFFF"));
    }
}
