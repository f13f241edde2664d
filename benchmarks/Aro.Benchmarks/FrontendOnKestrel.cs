using Aro.Api.Model;
using Aro.Frontend;
using Aro.Persistence;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Benchmarks;

/// <summary>
/// The RP's frontend alone on Kestrel over loopback HTTP with a SQLite store in a directory of the benchmark's own,
/// as the end-to-end benchmarks drive it: no backend, no local cloud, no logging.
/// </summary>
internal static class FrontendOnKestrel
{
    /// <param name="withBus">
    /// An in-memory bus for the write handlers to resolve (a tags-only PATCH publishes nothing on it); reads never
    /// resolve one, so a read benchmark goes without.
    /// </param>
    public static async Task<WebApplication> StartAsync(string dataDirectory, bool withBus)
    {
        // Production: no development certificate or local cloud defaults.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration["Persistence:DataDirectory"] = dataDirectory;
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAroPersistence(builder.Configuration);
        builder.Services.AddAroFrontend(builder.Configuration);
        if (withBus)
        {
            builder.Services.AddMassTransit(bus => bus.UsingInMemory());
        }

        var app = builder.Build();
        app.UseAroFrontend();
        app.MapAroFrontend();
        await app.StartAsync();
        return app;
    }

    /// <summary>Where <paramref name="app"/> listens, e.g. http://127.0.0.1:41234.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Registers <see cref="ExampleCluster.SubscriptionId"/>, as ARM does before the first cluster request.</summary>
    public static Task RegisterSubscriptionAsync(IServiceProvider services) =>
        services.GetRequiredService<ISubscriptionStore>().CreateAsync(
            new SubscriptionDocument
            {
                Id = SubscriptionDocument.KeyFor(ExampleCluster.SubscriptionId),
                Subscription = new Subscription { State = SubscriptionState.Registered },
            },
            CancellationToken.None);
}
