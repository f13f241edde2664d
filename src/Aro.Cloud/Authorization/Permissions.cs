using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aro.Cloud.Authorization;

/// <summary>
/// <c>GET {resourceId}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01</c> on the RP's ARM,
/// authenticated as the caller given (a customer's service principal, not the RP), over the RP's shared transport.
/// </summary>
internal sealed class Permissions(ArmClientFactory arm, CloudHttpTransport transport) : IPermissions
{
    public const string ApiVersion = "2022-04-01";

    public async Task<IReadOnlyList<Permission>> ListForResourceAsync(TokenCredential caller, string resourceId, CancellationToken cancellationToken)
    {
        var environment = arm.Environment;
        var options = new PermissionsClientOptions { Transport = transport.Transport };
        var pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(caller, environment.DefaultScope));

        var permissions = new List<Permission>();
        Uri? next = new(environment.Endpoint, $"{resourceId.TrimEnd('/')}/providers/Microsoft.Authorization/permissions?api-version={ApiVersion}");
        while (next is not null)
        {
            using var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(next);
            await pipeline.SendAsync(message, cancellationToken);
            var response = message.Response;
            if (response.IsError)
            {
                throw new RequestFailedException(response);
            }

            var page = JsonNode.Parse(response.Content.ToString()) as JsonObject ?? [];
            permissions.AddRange((page["value"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new Permission(Strings(p["actions"]), Strings(p["notActions"]))));
            next = page["nextLink"]?.GetValue<string>() is { Length: > 0 } link ? new Uri(link) : null;
        }

        return permissions;
    }

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToArray();

    private sealed class PermissionsClientOptions : ClientOptions;
}
