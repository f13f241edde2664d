using System.Net;
using Aro.Api.Model;
using Aro.Frontend.Authentication;
using Aro.Persistence;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Tests;

/// <summary>The frontend composed on its own (AddAroFrontend over a store), as a benchmark or another host composes it.</summary>
public sealed class FrontendServiceCollectionExtensionsTests : IAsyncLifetime
{
    private const string SubscriptionId = "7f3c9a52-1d4e-4b8a-9c6f-2e5d8b1a4c70";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aro-frontend-alone-");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Persistence:DataDirectory"] = _data.FullName;
        builder.Services.AddAroPersistence(builder.Configuration);
        builder.Services.AddAroFrontend(builder.Configuration);
        _app = builder.Build();
        _app.UseAroFrontend();
        _app.MapAroFrontend();
        await _app.StartAsync();
        _client = _app.GetTestClient();
        await _app.Services.GetRequiredService<ISubscriptionStore>().CreateAsync(
            new SubscriptionDocument { Id = SubscriptionDocument.KeyFor(SubscriptionId), Subscription = new Subscription { State = SubscriptionState.Registered } },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task No_request_is_authenticated_by_a_default_scheme()
    {
        // The admin certificate scheme is the only one registered; it is asked for by name on /admin alone, so the
        // host's authentication middleware must not run it (for nothing) on every ARM request.
        var schemes = _app.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.NotNull(await schemes.GetSchemeAsync(AdminCertificateAuthentication.Scheme));
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.Null(await schemes.GetDefaultChallengeSchemeAsync());
    }

    [Theory]
    [InlineData("/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/absent")]
    [InlineData("/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/5d8c2f41-7a3b-4e6d-9b1c-0f2e4a6c8d13")]
    public async Task Without_the_backends_saga_registered_every_endpoint_still_answers(string path)
    {
        // operationsstatus reads progress from the backend's saga; a host that does not register it once failed to
        // build its endpoints, and every request of every path got an empty 500.
        using var response = await _client.GetAsync($"/subscriptions/{SubscriptionId}{path}?api-version=2020-04-30");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
