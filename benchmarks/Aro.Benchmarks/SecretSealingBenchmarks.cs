using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Aro.Benchmarks;

/// <summary>
/// What sealing costs the document serializer: a provisioned cluster document, whose seven secrets (pull
/// secret, client secret, three private keys, password, kubeconfig) are each AES-GCM sealed on write and opened
/// on read, against the same document with those secrets left out. Writes and reads have their own baseline.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SecretSealingBenchmarks
{
    private const string Write = "Write";
    private const string Read = "Read";

    private DirectoryInfo _keys = null!;
    private DocumentJsonSerializer _serializer = null!;
    private OpenShiftClusterDocument _withSecrets = null!;
    private OpenShiftClusterDocument _withoutSecrets = null!;
    private string _sealedJson = "";
    private string _plainJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _keys = Directory.CreateTempSubdirectory("aro-benchmarks-keys-");
        _serializer = new DocumentJsonSerializer(new AesGcmSecretProtector(new FileSecretKeyRing(_keys.FullName)));
        _withSecrets = ExampleCluster.ProvisionedDocument();
        _withoutSecrets = ExampleCluster.WithoutSecrets(ExampleCluster.ProvisionedDocument());
        _sealedJson = _serializer.Serialize(_withSecrets);
        _plainJson = _serializer.Serialize(_withoutSecrets);
    }

    [GlobalCleanup]
    public void Cleanup() => _keys.Delete(recursive: true);

    [Benchmark(Baseline = true, Description = "Serialize, no secrets")]
    [BenchmarkCategory(Write)]
    public string SerializeWithoutSecrets() => _serializer.Serialize(_withoutSecrets);

    [Benchmark(Description = "Serialize, sealing 7 secrets")]
    [BenchmarkCategory(Write)]
    public string SerializeSealingSecrets() => _serializer.Serialize(_withSecrets);

    [Benchmark(Baseline = true, Description = "Deserialize, no secrets")]
    [BenchmarkCategory(Read)]
    public OpenShiftClusterDocument DeserializeWithoutSecrets() => _serializer.Deserialize<OpenShiftClusterDocument>(_plainJson, _withoutSecrets.Id);

    [Benchmark(Description = "Deserialize, opening 7 secrets")]
    [BenchmarkCategory(Read)]
    public OpenShiftClusterDocument DeserializeOpeningSecrets() => _serializer.Deserialize<OpenShiftClusterDocument>(_sealedJson, _withSecrets.Id);
}
