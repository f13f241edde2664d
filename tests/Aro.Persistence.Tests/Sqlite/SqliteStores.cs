using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;
using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

/// <summary>The SQLite stores over one data directory, wired as AddAroPersistence would (a second instance stands for another process).</summary>
internal sealed class SqliteStores
{
    public SqliteStores(string dataDirectory)
    {
        KeyRing = new FileSecretKeyRing(Path.Combine(dataDirectory, "keys"));
        var serializer = new DocumentJsonSerializer(new AesGcmSecretProtector(KeyRing));
        Database = new SqliteDatabase(dataDirectory);
        AsyncOperations = new SqliteAsyncOperationStore(Database, serializer);
        Clusters = new SqliteOpenShiftClusterStore(Database, serializer, AsyncOperations);
        Subscriptions = new SqliteSubscriptionStore(Database, serializer);
    }

    public FileSecretKeyRing KeyRing { get; }

    public SqliteDatabase Database { get; }

    public SqliteOpenShiftClusterStore Clusters { get; }

    public SqliteSubscriptionStore Subscriptions { get; }

    public SqliteAsyncOperationStore AsyncOperations { get; }
}
