extern alias rp;

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RpApplication = rp::Aro.Rp.Hosting.RpApplication;

namespace Aro.Benchmarks.CreateEndToEnd;

/// <summary>
/// The all-in-one RP exactly as <c>dotnet run --project src/Aro.Rp</c> composes it (<c>RpApplication.Build</c>: frontend
/// on Kestrel over HTTPS, backend, in-memory bus, SQLite, the embedded local cloud), on a data directory and ports of its
/// own, with the local cloud's one artificial latency (VM writes) at zero as the end-to-end tests set it.
/// </summary>
internal sealed class AllInOneRpOnKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data;

    private AllInOneRpOnKestrel(WebApplication app, DirectoryInfo data, HttpClient client, HttpClient localCloud)
    {
        _app = app;
        _data = data;
        Client = client;
        LocalCloud = localCloud;
    }

    /// <summary>The RP's ARM API (its development certificate accepted).</summary>
    public HttpClient Client { get; }

    /// <summary>The embedded local cloud's ARM endpoint, for the customer's side of a create (its vnet).</summary>
    public HttpClient LocalCloud { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="kubernetesPollInterval">How often the VM step looks at the workers' MachineSets (Cloud:KubernetesPollInterval).</param>
    public static async Task<AllInOneRpOnKestrel> StartAsync(TimeSpan kubernetesPollInterval)
    {
        var data = Directory.CreateTempSubdirectory("aro-benchmarks-e2e-");
        var localCloudUrl = $"https://localhost:{FreePort()}";
        var app = RpApplication.Build(
        [
            $"--Rp:DataDirectory={data.FullName}",
            "--Rp:ListenUrl=https://127.0.0.1:0",
            $"--LocalCloud:Url={localCloudUrl}",
            "--LocalCloud:Latency:Microsoft.Compute/virtualMachines/write=00:00:00",
            $"--Cloud:KubernetesPollInterval={kubernetesPollInterval:c}",
            "--Frontend:Location=" + ExampleCluster.Location,
            "--Serilog:MinimumLevel:Default=Error",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var rp = new AllInOneRpOnKestrel(app, data, Trusting(address), Trusting(localCloudUrl));
        await rp.WaitUntilReadyAsync();
        await rp.PutAsync($"/subscriptions/{ExampleCluster.SubscriptionId}?api-version=2.0", $$$"""{"state": "Registered", "properties": {"tenantId": "{{{ExampleCluster.SubscriptionId}}}"}}""");
        return rp;
    }

    /// <summary>The customer's resource group and vnet with master and worker subnets that the example body names for <paramref name="cluster"/>.</summary>
    public async Task CreateVirtualNetworkAsync(string cluster)
    {
        var group = $"subscriptions/{ExampleCluster.SubscriptionId}/resourceGroups/{cluster}-vnet";
        await PutAsync(LocalCloud, $"{group}?api-version=2021-04-01", $$"""{"location": "{{ExampleCluster.Location}}"}""");
        await PutAsync(LocalCloud, $"{group}/providers/Microsoft.Network/virtualNetworks/{cluster}-vnet?api-version=2023-09-01", $$$"""
            {"location": "{{{ExampleCluster.Location}}}", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
             "subnets": [{"name": "master", "properties": {"addressPrefix": "10.0.0.0/23"}},
                         {"name": "worker", "properties": {"addressPrefix": "10.0.2.0/23"}}]}}
            """);
    }

    /// <summary>The example create PUT for <paramref name="cluster"/>; throws unless it is accepted (201).</summary>
    public async Task PutClusterAsync(string cluster)
    {
        using var content = new ByteArrayContent(ExampleCluster.RequestBodyFor(cluster));
        content.Headers.ContentType = new("application/json");
        using var response = await Client.PutAsync($"{ExampleCluster.ResourceIdFor(cluster)}?api-version=2020-04-30", content);
        await EnsureAsync(response, HttpStatusCode.Created);
    }

    public async Task<byte[]> GetClusterAsync(string cluster)
    {
        using var response = await Client.GetAsync($"{ExampleCluster.ResourceIdFor(cluster)}?api-version=2020-04-30");
        return await EnsureAsync(response, HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        LocalCloud.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await Client.GetAsync("/healthz/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The RP was not ready in two minutes: {(int)response.StatusCode}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private Task PutAsync(string path, string json) => PutAsync(Client, path, json);

    private static async Task PutAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<byte[]> EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == expected
            ? body
            : throw new InvalidOperationException($"The RP answered {(int)response.StatusCode}, not {(int)expected}: {Encoding.UTF8.GetString(body)}");
    }

    private static HttpClient Trusting(string address) => new(new SocketsHttpHandler
    {
        // Both serve a development certificate made on first start.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        BaseAddress = new Uri(address),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
