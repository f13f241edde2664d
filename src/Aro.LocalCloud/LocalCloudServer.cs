using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.Hosting;
using Aro.LocalCloud.Kubernetes;
using Aro.LocalCloud.ServiceBus;
using Aro.LocalCloud.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aro.LocalCloud;

/// <summary>
/// The emulator as a standalone HTTPS server (tests, <c>aro-rp local-cloud</c>). A host that mounts it
/// into its own pipeline uses <see cref="LocalCloudServiceCollectionExtensions.AddAroLocalCloud"/> and
/// <see cref="LocalCloudEndpointRouteBuilderExtensions.MapAroLocalCloud"/> instead.
/// </summary>
public sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalCloudServer(WebApplication app, Uri baseAddress, X509Certificate2 certificate)
    {
        _app = app;
        BaseAddress = baseAddress;
        Certificate = certificate;
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Clusters = app.Services.GetRequiredService<SimulatedClusters>();
        Connections = app.Services.GetRequiredService<ConnectionCounter>();
        Requests = app.Services.GetRequiredService<RequestCounter>();
        ServiceBus = app.Services.GetRequiredService<LocalServiceBus>();
    }

    /// <summary>The address actually listened on, ending with "/" (with the real port when 0 was asked for).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The self-signed serving certificate; clients trust exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    public FaultInjector Faults { get; }

    public SimulatedClusters Clusters { get; }

    /// <summary>How many connections clients have opened to this server since it started.</summary>
    public ConnectionCounter Connections { get; }

    /// <summary>How many requests clients have made to this server since it started, its admin API left out.</summary>
    public RequestCounter Requests { get; }
    /// <summary>The Service Bus namespace served beside ARM (connection strings, entities, fault hooks).</summary>
    public LocalServiceBus ServiceBus { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalCloudServer> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Uri(options.Url);

        // Before the host exists, so a bad setting is one line for the operator rather than a failed-start stack trace.
        TopologyStore.Check(options.ServiceBus);
        ListenAddressProbe.ThrowIfInUse(url);
        var certificate = LocalCloudCertificate.LoadOrCreate(options.DataDirectory);
        var connections = new ConnectionCounter();
        var requests = new RequestCounter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var host = url.Host;
            void Https(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
            {
                listen.Use(next => connection =>
                {
                    connections.OnAccepted();
                    return next(connection);
                });
                listen.UseHttps(certificate);
            }

            if (host is "localhost" && url.Port != 0)
            {
                kestrel.ListenLocalhost(url.Port, Https);
            }
            else if (host is "localhost")
            {
                // Kestrel cannot bind "localhost" to a dynamic port (it would be two sockets), so use IPv4 loopback.
                kestrel.Listen(IPAddress.Loopback, 0, Https);
            }
            else if (IPAddress.TryParse(host, out var address))
            {
                kestrel.Listen(address, url.Port, Https);
            }
            else
            {
                kestrel.ListenAnyIP(url.Port, Https);
            }
        });
        builder.Services.AddSingleton(connections);
        builder.Services.AddSingleton(requests);
        builder.Services.AddAroLocalCloud(o => Copy(options, o));
        builder.Services.AddRouting();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            requests.OnRequest(context);
            return next(context);
        });
        app.MapAroLocalCloud();
        await app.StartAsync(cancellationToken);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var baseAddress = new UriBuilder(Uri.UriSchemeHttps, url.Host is "localhost" or "+" or "*" or "0.0.0.0" ? "localhost" : url.Host, bound.Port).Uri;
        return new LocalCloudServer(app, baseAddress, certificate);
    }

    /// <summary>A handler that trusts this server's certificate (and only it), for HttpClient, ArmClient and the Blob SDK.</summary>
    public HttpClientHandler CreateHttpMessageHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
            errors == SslPolicyErrors.None || (presented is not null && presented.Thumbprint == Certificate.Thumbprint),
    };

    /// <summary>Forgets every resource, blob, cluster and service principal, and clears faults: a clean slate between tests sharing a server.</summary>
    public void Reset()
    {
        _app.Services.GetRequiredService<LocalCloudStore>().Reset();
        _app.Services.GetRequiredService<Identity.ServicePrincipals>().Clear();
        Faults.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Copy(LocalCloudOptions from, LocalCloudOptions to)
    {
        to.Url = from.Url;
        to.DataDirectory = from.DataDirectory;
        to.DefaultLocation = from.DefaultLocation;
        to.DefaultLatency = from.DefaultLatency;
        to.Latency = new Dictionary<string, TimeSpan>(from.Latency, StringComparer.OrdinalIgnoreCase);
        to.Faults = [.. from.Faults];
        to.OpenShiftVersion = from.OpenShiftVersion;
        to.StrictServicePrincipals = from.StrictServicePrincipals;
        to.ServiceBus = from.ServiceBus;
    }
}
