using System.Text.Json;
using Aro.Api.Model;
using Aro.Frontend;
using Aro.Persistence;
using Aro.Persistence.Documents;
using Aro.Persistence.Serialization;
using Aro.Persistence.Stores;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.Benchmarks;

/// <summary>
/// The read path end to end (issue 16, item 1): the RP's frontend on Kestrel over loopback HTTP, its SQLite store
/// holding 30 provisioned clusters (seven sealed secrets each) in one registered subscription, answering GET of one
/// cluster and the first page (20) of the subscription's list. The baseline for each is a bare Kestrel app in the
/// same process serving the very bytes the RP answered, so the ratio is what the RP adds on top of HTTP itself.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ReadPathBenchmarks
{
    private const string Get = "GET one cluster";
    private const string List = "List a page of 20";
    private const int Clusters = 30;

    private readonly HttpClient _client = new();
    private DirectoryInfo _data = null!;
    private WebApplication _rp = null!;
    private WebApplication _bare = null!;
    private string _rpGet = "";
    private string _rpList = "";
    private string _bareGet = "";
    private string _bareList = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _data = Directory.CreateTempSubdirectory("aro-benchmarks-read-");
        _rp = await FrontendOnKestrel.StartAsync(_data.FullName, withBus: false);
        var rp = FrontendOnKestrel.Address(_rp);
        var resourceId = await SeedAsync(_rp.Services);
        _rpGet = $"{rp}{resourceId}?api-version=2020-04-30";
        _rpList = $"{rp}/subscriptions/{ExampleCluster.SubscriptionId}/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2020-04-30";

        var getBytes = await ReadOkAsync(_rpGet);
        var listBytes = await ReadOkAsync(_rpList);
        _bare = await StartBareAsync(getBytes, listBytes);
        _bareGet = $"{FrontendOnKestrel.Address(_bare)}/get";
        _bareList = $"{FrontendOnKestrel.Address(_bare)}/list";
    }

    /// <summary>The four URLs a load generator compares (read-throughput.sh): the RP's GET and list, the bare app's.</summary>
    public IReadOnlyDictionary<string, string> Urls => new Dictionary<string, string>
    {
        ["rp-get"] = _rpGet,
        ["rp-list"] = _rpList,
        ["bare-get"] = _bareGet,
        ["bare-list"] = _bareList,
    };

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _rp.DisposeAsync();
        await _bare.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Bare Kestrel, same bytes")]
    [BenchmarkCategory(Get)]
    public Task<byte[]> BareGet() => _client.GetByteArrayAsync(_bareGet);

    [Benchmark(Description = "RP frontend")]
    [BenchmarkCategory(Get)]
    public Task<byte[]> RpGet() => _client.GetByteArrayAsync(_rpGet);

    [Benchmark(Baseline = true, Description = "Bare Kestrel, same bytes")]
    [BenchmarkCategory(List)]
    public Task<byte[]> BareList() => _client.GetByteArrayAsync(_bareList);

    [Benchmark(Description = "RP frontend")]
    [BenchmarkCategory(List)]
    public Task<byte[]> RpList() => _client.GetByteArrayAsync(_rpList);

    private static async Task<WebApplication> StartBareAsync(byte[] getBytes, byte[] listBytes)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/get", () => Results.Bytes(getBytes, "application/json"));
        app.MapGet("/list", () => Results.Bytes(listBytes, "application/json"));
        await app.StartAsync();
        return app;
    }

    /// <summary>A registered subscription and <see cref="Clusters"/> provisioned clusters; returns the id of one of them.</summary>
    private static async Task<string> SeedAsync(IServiceProvider services)
    {
        await FrontendOnKestrel.RegisterSubscriptionAsync(services);

        // One provisioned document (its RSA keys are slow to make), copied under other names.
        var serializer = services.GetRequiredService<DocumentJsonSerializer>();
        var example = ExampleCluster.ProvisionedDocument();
        var template = serializer.Serialize(example);
        var clusters = services.GetRequiredService<IOpenShiftClusterStore>();
        var resourceId = "";
        for (var i = 0; i < Clusters; i++)
        {
            var document = serializer.Deserialize<OpenShiftClusterDocument>(template, example.Id);
            resourceId = ExampleCluster.ResourceId + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            document.Id = OpenShiftClusterDocument.KeyFor(resourceId);
            document.OpenShiftCluster.Id = resourceId;
            document.OpenShiftCluster.Name = ExampleCluster.Name + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            document.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            await clusters.CreateAsync(document, CancellationToken.None);
        }

        return resourceId;
    }

    private async Task<byte[]> ReadOkAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The RP answered {(int)response.StatusCode} to {url}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return body;
    }
}
