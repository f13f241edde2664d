using Aro.Persistence.Documents;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Stores;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Aro.Benchmarks;

/// <summary>
/// The SQLite cluster store on a fresh database in the temp directory, with the real serializer (secrets
/// sealed): a plain insert of a new document against an ETag-conditional replace of an existing one, a point
/// read and one page of a partition. Every write commits (WAL, synchronous FULL), as the RP's do.
/// </summary>
[MemoryDiagnoser]
public class DocumentStoreBenchmarks
{
    private const int ListedDocuments = 100;
    private const int PageSize = 20;

    private DirectoryInfo _directory = null!;
    private SqliteOpenShiftClusterStore _store = null!;
    private OpenShiftClusterDocument _inserted = null!;
    private OpenShiftClusterDocument _replaced = null!;
    private int _nextId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("aro-benchmarks-");
        var serializer = new DocumentJsonSerializer(new AesGcmSecretProtector(new FileSecretKeyRing(Path.Combine(_directory.FullName, "keys"))));
        var database = new SqliteDatabase(_directory.FullName);
        _store = new SqliteOpenShiftClusterStore(database, serializer, new SqliteAsyncOperationStore(database, serializer));
        await _store.EnsureCreatedAsync(CancellationToken.None);

        for (var i = 0; i < ListedDocuments; i++)
        {
            await _store.CreateAsync(ExampleCluster.NewDocument($"listed-{i:D4}"), CancellationToken.None);
        }

        _replaced = await _store.CreateAsync(ExampleCluster.NewDocument("replaced"), CancellationToken.None);
        _inserted = ExampleCluster.NewDocument("inserted");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Pooled connections keep the database files open.
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Insert")]
    public Task<OpenShiftClusterDocument> InsertAsync()
    {
        // Same body every time, a new key each time: only the write differs from the replace below.
        _inserted.Id = $"inserted-{_nextId++:D8}";
        _inserted.ETag = null;
        return _store.CreateAsync(_inserted, CancellationToken.None);
    }

    [Benchmark(Description = "Replace if ETag matches")]
    public Task<OpenShiftClusterDocument> ReplaceAsync() => _store.ReplaceAsync(_replaced, CancellationToken.None);

    [Benchmark(Description = "Get by id")]
    public Task<OpenShiftClusterDocument?> GetAsync() =>
        _store.GetAsync(_replaced.PartitionKey, _replaced.Id, CancellationToken.None);

    [Benchmark(Description = "Query a page of 20 of 100")]
    public Task<DocumentPage<OpenShiftClusterDocument>> QueryPageAsync() =>
        _store.QueryAsync(_replaced.PartitionKey, "listed-", continuationToken: null, PageSize, CancellationToken.None);
}
