using System.Text.Json.Nodes;
using Aro.Api.Validation;

namespace Aro.Api.Tests.Validation;

public sealed class ImmutablePropertiesTests
{
    private static readonly ImmutableProperties Rules = new(
        mutable: ["tags", "items[*].count"],
        keptWhenOmitted: ["secret", "items[*].ip"],
        caseInsensitive: ["name"]);

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""", null)]
    [InlineData("""{"a":1}""", """{"a":2}""", "a")]
    [InlineData("""{"a":{"b":"x"}}""", """{"a":{"b":"y"}}""", "a.b")]
    [InlineData("""{"a":{"b":"x"}}""", """{"a":{}}""", "a.b")]
    [InlineData("""{}""", """{"a":1}""", "a")]
    [InlineData("""{"a":1}""", """{}""", "a")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "a")]
    [InlineData("""{"a":{}}""", """{"a":[]}""", "a")]
    [InlineData("""{"tags":{"k":"v"}}""", """{"tags":{"k":"w","x":"y"}}""", null)]
    [InlineData("""{"secret":"s"}""", """{}""", null)]
    [InlineData("""{"secret":"s"}""", """{"secret":"t"}""", "secret")]
    [InlineData("""{"name":"Cluster"}""", """{"name":"CLUSTER"}""", null)]
    [InlineData("""{"other":"Cluster"}""", """{"other":"CLUSTER"}""", "other")]
    [InlineData("""{"items":[{"count":3,"ip":"1.2.3.4","size":"s"}]}""", """{"items":[{"count":9}]}""", "items[0].size")]
    [InlineData("""{"items":[{"count":3,"ip":"1.2.3.4"}]}""", """{"items":[{"count":9}]}""", null)]
    [InlineData("""{"items":[{"ip":"1.2.3.4"}]}""", """{"items":[{"ip":"5.6.7.8"}]}""", "items[0].ip")]
    [InlineData("""{"items":[{},{"a":1}]}""", """{"items":[{},{"a":2}]}""", "items[1].a")]
    [InlineData("""{"items":[{}]}""", """{"items":[{},{}]}""", "items")]
    [InlineData("""{"items":[]}""", """{}""", null)]
    public void Finds_the_first_changed_immutable_path(string current, string requested, string? expected) =>
        Assert.Equal(expected, Rules.FindChange(JsonNode.Parse(requested), JsonNode.Parse(current)));
}
