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
            next = page["nextLink"]?.GetValue<string>() is { Length: > 0 } link ? NextPageOnArm(environment.Endpoint, link) : null;
        }

        return permissions;
    }

    /// <summary>
    /// The next page, when ARM's answer keeps to ARM: every page is fetched with the customer's token, so a link to any
    /// other scheme, host or port (a tampered or misrouted answer) is refused before anything is sent to it, as a
    /// permanent failure (asking again would get the same answer).
    /// </summary>
    private static Uri NextPageOnArm(Uri arm, string link)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var next)
            && Uri.Compare(next, arm, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return next;
        }

        var elsewhere = next is null ? "a link that is not an absolute URL" : next.GetComponents(UriComponents.SchemeAndServer, UriFormat.SafeUnescaped);
        throw new RequestFailedException(
            (int)System.Net.HttpStatusCode.BadRequest,
            $"ARM's permissions answer points its next page at {elsewhere}, not at {arm.GetComponents(UriComponents.SchemeAndServer, UriFormat.SafeUnescaped)}: not followed with the service principal's token.",
            "InvalidNextLink",
            innerException: null);
    }

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToArray();

    private sealed class PermissionsClientOptions : ClientOptions;
}
