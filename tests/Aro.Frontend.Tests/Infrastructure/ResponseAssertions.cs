using System.Net;
using System.Text.Json.Nodes;

namespace Aro.Frontend.Tests.Infrastructure;

public static class ResponseAssertions
{
    public static async Task<JsonNode> AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an exact ARM error: status, code, message (when given) and target.</summary>
    public static async Task AssertCloudErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string? message = null, string? target = null)
    {
        var body = await response.AssertStatusAsync(status);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var error = body["error"];
        Assert.NotNull(error);
        Assert.Equal(code, (string?)error["code"]);
        if (message is not null)
        {
            Assert.Equal(message, (string?)error["message"]);
        }

        Assert.Equal(target, (string?)error["target"]);
        Assert.DoesNotContain("   at ", body.ToJsonString());
    }

    /// <summary>No secret the tests send may ever come back.</summary>
    public static void AssertNoSecrets(JsonNode body)
    {
        var text = body.ToJsonString();
        Assert.DoesNotContain("super-secret-client-secret", text);
        Assert.DoesNotContain("c2VjcmV0", text);
        Assert.DoesNotContain("clientSecret", text);
        Assert.DoesNotContain("pullSecret", text);
    }
}
