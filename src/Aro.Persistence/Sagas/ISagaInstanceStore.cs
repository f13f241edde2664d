using Aro.Persistence.Stores;
using MassTransit;

namespace Aro.Persistence.Sagas;

/// <summary>
/// Where the instances of one saga type live (a SQLite table, a Cosmos DB container), with optimistic concurrency:
/// every write is conditional on what was read, and a lost race is a <see cref="ConcurrencyException"/> so that the
/// saga endpoint's retry runs the message again on fresh state. MassTransit reaches it through
/// <see cref="SagaInstanceRepositoryContextFactory{TSaga}"/>.
/// </summary>
public interface ISagaInstanceStore<TSaga> : IStoreSchema
    where TSaga : class, ISagaVersion
{
    /// <summary>What kind of store this is (sqlite, cosmos), for MassTransit's probe.</summary>
    string Persistence { get; }

    /// <summary>Where in the store the instances are (a table, a container).</summary>
    string Location { get; }

    Task<TSaga?> LoadAsync(Guid correlationId, CancellationToken cancellationToken);

    /// <summary>Every instance the predicate accepts. A scan: meant for operators and tests, not for correlating messages.</summary>
    Task<IReadOnlyList<TSaga>> QueryAsync(Func<TSaga, bool> predicate, CancellationToken cancellationToken);

    /// <summary>Stores a new instance at version 1; false when one with the same correlation id exists already.</summary>
    Task<bool> TryInsertAsync(TSaga instance, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the instance over the version it was read at and moves it to the next version; any other write since
    /// that read is a <see cref="ConcurrencyException"/>.
    /// </summary>
    Task UpdateAsync(TSaga instance, CancellationToken cancellationToken);

    /// <summary>Removes the instance if nobody wrote it since it was read; otherwise a <see cref="ConcurrencyException"/>.</summary>
    Task DeleteAsync(TSaga instance, CancellationToken cancellationToken);
}
