using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Frontend.Tests.Infrastructure;

namespace Aro.Frontend.Tests.HostileInput;

/// <summary>
/// The frontend under a generated barrage of malformed requests (<see cref="MalformedRequests"/>: every route ×
/// broken bodies, hostile headers and path segments, on both api-versions): none may be a 5xx, and every error
/// must be a CloudError body. Failures are collected and reported together, each with the request that caused it.
/// </summary>
public sealed class MalformedRequestTests(RpFactory factory) : IClassFixture<RpFactory>
{
    [Fact]
    public async Task No_malformed_request_gets_a_5xx_or_an_error_that_is_not_a_CloudError()
    {
        var arm = new ArmTestClient(factory.CreateClient());
        await arm.RegisterSubscriptionAsync();
        await (await arm.PutClusterAsync("existing", null)).AssertStatusAsync(HttpStatusCode.Created);
        await factory.UpdateClusterAsync(arm.SubscriptionId, arm.ClusterPath("existing"), d => d.OpenShiftCluster.Properties.ProvisioningState = Aro.Api.Model.ProvisioningState.Succeeded);

        var requests = MalformedRequests.All(arm.SubscriptionId, "existing", arm.ValidCluster().ToJsonString()).ToList();
        var failures = new List<string>();
        foreach (var request in requests)
        {
            if (await CheckAsync(arm.Http, request) is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(requests.Count > 1000, $"only {requests.Count} requests generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} malformed requests were mishandled:\n" + string.Join('\n', failures.Take(50)));
    }

    private static async Task<string?> CheckAsync(HttpClient http, MalformedRequest malformed)
    {
        using var request = new HttpRequestMessage(malformed.Method, malformed.PathAndQuery);
        if (malformed.Body is not null)
        {
            request.Content = new ByteArrayContent(malformed.Body);
            if (malformed.ContentType.Length > 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", malformed.ContentType);
            }
        }

        foreach (var (name, value) in malformed.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"{malformed}: the server failed the request ({ex.GetType().Name}: {ex.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return $"{malformed}: {status} {text}";
            }

            return status >= 400 && !IsCloudError(response.Content.Headers.ContentType, text)
                ? $"{malformed}: {status} with a body that is not a CloudError: '{text}'"
                : null;
        }
    }

    private static bool IsCloudError(MediaTypeHeaderValue? contentType, string text)
    {
        if (contentType?.MediaType != "application/json")
        {
            return false;
        }

        try
        {
            var error = JsonNode.Parse(text)?["error"];
            return error?["code"] is JsonValue code && code.GetValue<string>().Length > 0 &&
                error["message"] is JsonValue message && message.GetValue<string>().Length > 0;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
