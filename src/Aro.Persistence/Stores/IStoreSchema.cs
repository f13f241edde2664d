namespace Aro.Persistence.Stores;

/// <summary>
/// Storage a store needs before its first use (a SQLite table, a Cosmos DB container). Creating it is
/// idempotent, so every process may do it at start-up.
/// </summary>
public interface IStoreSchema
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}
