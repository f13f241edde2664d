using System.Globalization;
using System.Net;
using System.Text;
using Aro.Api.Model;
using Aro.Frontend;
using Aro.Persistence.Stores;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Benchmarks;

/// <summary>
/// Tags-only PATCHes of one provisioned cluster, one after the other (issue 16, ADR 0006): each settles at once, so
/// each is accepted and the next finds the cluster Succeeded. Before ADR 0006 the next one was refused while the
/// previous one's update ran through the backend (the issue measured 45 accepted a second). The baseline is a GET of
/// the same cluster from the same frontend on Kestrel (SQLite, its seven secrets sealed), so the ratio is what a
/// write (a read with its secrets opened, a sealed ETag-conditional replace) costs over a read.
/// </summary>
[MemoryDiagnoser]
public class TagsOnlyPatchBenchmarks
{
    private readonly HttpClient _client = new();
    private DirectoryInfo _data = null!;
    private WebApplication _rp = null!;
    private string _url = "";
    private int _patches;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _data = Directory.CreateTempSubdirectory("aro-benchmarks-patch-");
        _rp = await FrontendOnKestrel.StartAsync(_data.FullName, withBus: true);
        await SeedAsync(_rp.Services);
        _url = $"{FrontendOnKestrel.Address(_rp)}{ExampleCluster.ResourceId}?api-version=2020-04-30";

        // Both must answer 200 throughout, or the numbers would measure refusals.
        await Get();
        await PatchTags();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _rp.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "GET the cluster")]
    public async Task<byte[]> Get()
    {
        using var response = await _client.GetAsync(_url);
        return await OkBodyAsync(response);
    }

    [Benchmark(Description = "PATCH its tags (new value each time)")]
    public async Task<byte[]> PatchTags()
    {
        var value = (++_patches).ToString(CultureInfo.InvariantCulture);
        using var content = new StringContent($$$"""{"tags": {"n": "{{{value}}}"}}""", Encoding.UTF8, "application/json");
        using var response = await _client.PatchAsync(_url, content);
        return await OkBodyAsync(response);
    }

    private static async Task<byte[]> OkBodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body
            : throw new InvalidOperationException($"The RP answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await FrontendOnKestrel.RegisterSubscriptionAsync(services);

        var document = ExampleCluster.ProvisionedDocument();
        document.OpenShiftCluster.Id = ExampleCluster.ResourceId;
        document.OpenShiftCluster.Name = ExampleCluster.Name;
        document.OpenShiftCluster.Type = Api.Resources.ResourceProvider.OpenShiftClusterResourceType;
        // As the frontend stamps it on create: a PATCH that found it different would be more than a tags change.
        document.OpenShiftCluster.Properties.ClusterProfile.Version = services.GetRequiredService<IOptions<FrontendOptions>>().Value.OpenShiftVersion;
        document.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await services.GetRequiredService<IOpenShiftClusterStore>().CreateAsync(document, CancellationToken.None);
    }
}
