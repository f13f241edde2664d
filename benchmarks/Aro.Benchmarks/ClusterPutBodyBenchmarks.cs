using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Serialization;
using Aro.Api.Versioning;
using BenchmarkDotNet.Attributes;
using External = Aro.Api.V20200430;

namespace Aro.Benchmarks;

/// <summary>
/// A 2020-04-30 PUT body on its way in, against the cheapest thing that could be done with it: deserializing it
/// straight into the version's types. The frontend parses the body to a node first (so PATCH can merge over the
/// stored resource), then the api-version deserializes, converts to the internal model and validates it.
/// </summary>
[MemoryDiagnoser]
public class ClusterPutBodyBenchmarks
{
    private readonly byte[] _body = ExampleCluster.RequestBody;
    private readonly StaticValidationContext _context = ExampleCluster.CreateContext;
    private IOpenShiftClusterApi _api = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!ApiVersionRegistry.CreateDefault().TryGet(External.OpenShiftClusterApi.Version, out _api))
        {
            throw new InvalidOperationException($"{External.OpenShiftClusterApi.Version} is not registered.");
        }
    }

    [Benchmark(Baseline = true, Description = "Deserialize bytes")]
    public External.OpenShiftCluster? Deserialize() =>
        JsonSerializer.Deserialize<External.OpenShiftCluster>(_body, ExternalJson.Options);

    [Benchmark(Description = "Parse to node, deserialize")]
    public External.OpenShiftCluster? ParseAndDeserialize() =>
        JsonNode.Parse(_body)!.Deserialize<External.OpenShiftCluster>(ExternalJson.Options);

    [Benchmark(Description = "Parse, read (convert + validate)")]
    public Api.Model.OpenShiftCluster ParseAndReadRequest() =>
        _api.ReadRequest(JsonNode.Parse(_body)!, _context);
}
