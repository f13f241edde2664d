using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.Http;

/// <summary>
/// One rule for every body (RequestJsonRules): each breach is the same 400 InvalidRequestContent, with the JSON path
/// as target, whether it comes in a PUT or a PATCH, on either api-version; nothing reaches the converter.
/// </summary>
public sealed class RequestJsonRulesTests(RpFactory factory) : IClassFixture<RpFactory>
{
    private readonly ArmTestClient _arm = new(factory.CreateClient());

    public static TheoryData<string, string, byte[], string?, string> Breaches()
    {
        var data = new TheoryData<string, string, byte[], string?, string>();
        (byte[] Body, string? Target, string Reason)[] breaches =
        [
            ("""{"tags": {"a": "1"}, "tags": {"b": "2"}}"""u8.ToArray(), "tags", "the member 'tags' is given more than once"),
            ("""{"tags": {"a": "1", "A": "2"}}"""u8.ToArray(), "tags.A", "the member 'A' is given more than once"),
            ("""{"properties": {"workerProfiles": [null]}}"""u8.ToArray(), "properties.workerProfiles[0]", "null is not allowed as an array element"),
            ("""{"properties": {"ingressProfiles": [null]}}"""u8.ToArray(), "properties.ingressProfiles[0]", "null is not allowed as an array element"),
            ("""{"location": "\ud800"}"""u8.ToArray(), "location", "a string contains an unpaired surrogate escape"),
            ([.. """{"location": "east"""u8.ToArray(), 0xC3, 0x28, .. "us\"}"u8.ToArray()], null, "the request body is not valid UTF-8"),
        ];
        foreach (var method in new[] { "PUT", "PATCH" })
        {
            foreach (var apiVersion in new[] { "2020-04-30", "2019-12-31-preview" })
            {
                foreach (var (body, target, reason) in breaches)
                {
                    data.Add(method, apiVersion, body, target, reason);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Breaches))]
    public async Task A_breach_is_the_same_InvalidRequestContent_on_PUT_and_PATCH(string method, string apiVersion, byte[] body, string? target, string reason)
    {
        await _arm.RegisterSubscriptionAsync();
        await (await _arm.PutClusterAsync("c")).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("c"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        using var request = new HttpRequestMessage(new HttpMethod(method), ArmTestClient.WithApiVersion(_arm.ClusterPath("c"), apiVersion))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var response = await _arm.Http.SendAsync(request);

        await response.AssertCloudErrorAsync(HttpStatusCode.BadRequest, "InvalidRequestContent", target: target);
        var message = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!;
        // The reason is quoted as a JSON string, so its apostrophes arrive escaped (\u0027).
        Assert.Equal($"The request content was invalid and could not be deserialized: \"{reason}{(target is null ? "" : $" at '{target}'")}\".", Regex.Unescape(message));
    }
}
