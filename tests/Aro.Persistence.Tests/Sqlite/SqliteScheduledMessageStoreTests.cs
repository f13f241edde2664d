using Aro.Persistence.Scheduling;
using Aro.Persistence.Sqlite;
using Aro.Persistence.Tests.Scheduling;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteScheduledMessageStoreTests : ScheduledMessageStoreContractTests, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public SqliteScheduledMessageStoreTests() => Store = new SqliteScheduledMessageStore(new SqliteDatabase(_directory.Path));

    protected override IScheduledMessageStore Store { get; }

    public void Dispose() => _directory.Dispose();
}
