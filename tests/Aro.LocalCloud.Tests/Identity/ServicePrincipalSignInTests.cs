using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Identity;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.LocalCloud.Tests.Identity;

/// <summary>
/// Azure.Identity's ClientSecretCredential, unchanged, signing service principals in at the local cloud's Entra, and
/// ARM's permissions API and role checks answering for the tokens it issues.
/// </summary>
public sealed class ServicePrincipalSignInTests : IAsyncLifetime
{
    private const string Tenant = "5a1c7e3b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    private const string Subscription = "00000000-0000-0000-0000-0000000000bb";
    private const string ResourceGroup = $"/subscriptions/{Subscription}/resourceGroups/vnet-rg";
    private const string Vnet = $"{ResourceGroup}/providers/Microsoft.Network/virtualNetworks/vnet";
    private const string Scope = "https://management.azure.com/.default";

    private LocalCloudServer _server = null!;
    private HttpClient _http = null!;
    private ServicePrincipals _principals = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0" });
        _http = new HttpClient(_server.CreateHttpMessageHandler()) { BaseAddress = _server.BaseAddress };
        _principals = _server.Services.GetRequiredService<ServicePrincipals>();
        using var group = await SendAsync(HttpMethod.Put, $"{ResourceGroup}?api-version=2022-09-01", "static-token", new JsonObject { ["location"] = "eastus" });
        group.EnsureSuccessStatusCode();
        using var vnet = await SendAsync(HttpMethod.Put, $"{Vnet}?api-version=2023-09-01", "static-token", new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray("10.0.0.0/16") } },
        });
        vnet.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_service_principal_signs_in_and_lists_its_Network_Contributor_permissions_on_the_vnet()
    {
        _principals.Register("sp-network", "s3cret", [new RoleAssignment(RoleDefinitions.NetworkContributor, Vnet)]);

        var token = await SignInAsync(_server, "sp-network", "s3cret");
        var permissions = await PermissionsAsync(Vnet, token);

        var only = Assert.Single(permissions);
        Assert.Contains("Microsoft.Network/*", only["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Empty(only["notActions"]!.AsArray());
    }

    [Fact]
    public async Task Permissions_list_only_the_roles_assigned_at_a_covering_scope()
    {
        _principals.Register("sp-scoped", "s3cret", [new RoleAssignment(RoleDefinitions.Reader, ResourceGroup), new RoleAssignment(RoleDefinitions.Owner, ResourceGroup + "-other")]);
        var token = await SignInAsync(_server, "sp-scoped", "s3cret");

        var atVnet = await PermissionsAsync(Vnet, token);
        var atSubscription = await PermissionsAsync($"/subscriptions/{Subscription}", token);

        Assert.Equal("*/read", Assert.Single(Assert.Single(atVnet)["actions"]!.AsArray())!.GetValue<string>());
        Assert.Empty(atSubscription);
    }

    [Fact]
    public async Task The_static_development_token_may_do_everything()
    {
        var permissions = await PermissionsAsync(Vnet, "static-token");

        Assert.Equal("*", Assert.Single(Assert.Single(permissions)["actions"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Permissions_at_a_resource_that_does_not_exist_are_not_found()
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Vnet}-missing/providers/Microsoft.Authorization/permissions?api-version=2022-04-01", "static-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_Entra_refuses_it()
    {
        _principals.Register("sp-secret", "right", [new RoleAssignment(RoleDefinitions.NetworkContributor, Vnet)]);

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => SignInAsync(_server, "sp-secret", "wrong"));

        Assert.Equal("invalid_client", Aro.Cloud.Identity.ServicePrincipalCredentials.RefusalOf(failure));
    }

    [Fact]
    public async Task An_unknown_client_id_signs_in_with_Network_Contributor_everywhere_unless_the_cloud_is_strict()
    {
        var token = await SignInAsync(_server, "made-up", "anything");
        Assert.Contains("Microsoft.Network/*", Assert.Single(await PermissionsAsync(Vnet, token))["actions"]!.AsArray().Select(a => a!.GetValue<string>()));

        await using var strict = await LocalCloudServer.StartAsync(new LocalCloudOptions { Url = "https://localhost:0", StrictServicePrincipals = true });
        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => SignInAsync(strict, "made-up", "anything"));
        Assert.Equal("unauthorized_client", Aro.Cloud.Identity.ServicePrincipalCredentials.RefusalOf(failure));
    }

    [Fact]
    public async Task Arm_enforces_the_service_principals_roles()
    {
        _principals.Register("sp-reader", "s3cret", [new RoleAssignment(RoleDefinitions.Reader, ResourceGroup)]);
        var token = await SignInAsync(_server, "sp-reader", "s3cret");

        using var read = await SendAsync(HttpMethod.Get, $"{Vnet}?api-version=2023-09-01", token);
        using var write = await SendAsync(HttpMethod.Put, $"{Vnet}/subnets/master?api-version=2023-09-01", token, new JsonObject { ["properties"] = new JsonObject { ["addressPrefix"] = "10.0.0.0/23" } });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var error = (await write.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("AuthorizationFailed", error["code"]!.GetValue<string>());
        Assert.Contains("'Microsoft.Network/virtualNetworks/subnets/write'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_api_registers_service_principals_and_never_shows_their_secret()
    {
        using var put = await SendAsync(HttpMethod.Put, "/_localcloud/service-principals/sp-admin", "static-token", new JsonObject
        {
            ["secret"] = "never-shown",
            ["roles"] = new JsonArray(new JsonObject { ["roleName"] = RoleDefinitions.NetworkContributor, ["scope"] = Vnet }),
        });
        using var list = await SendAsync(HttpMethod.Get, "/_localcloud/service-principals", "static-token");
        var body = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains("sp-admin", body, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown", body, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await SignInAsync(_server, "sp-admin", "never-shown"));
    }

    [Fact]
    public async Task The_tenants_OpenID_metadata_names_its_token_endpoint()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/{Tenant}/v2.0/.well-known/openid-configuration", "static-token");

        var metadata = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(new Uri(_server.BaseAddress, $"{Tenant}/oauth2/v2.0/token").ToString(), metadata["token_endpoint"]!.GetValue<string>());
    }

    private static async Task<string> SignInAsync(LocalCloudServer server, string clientId, string secret)
    {
        var credential = new ClientSecretCredential(Tenant, clientId, secret, new ClientSecretCredentialOptions
        {
            AuthorityHost = server.BaseAddress,
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(server.CreateHttpMessageHandler()),
        });
        return (await credential.GetTokenAsync(new TokenRequestContext([Scope]), CancellationToken.None)).Token;
    }

    private async Task<IReadOnlyList<JsonObject>> PermissionsAsync(string scope, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{scope}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["value"]!.AsArray().OfType<JsonObject>().ToArray();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }
}
