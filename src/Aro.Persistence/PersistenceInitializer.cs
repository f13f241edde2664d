using Aro.Persistence.Secrets;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Hosting;

namespace Aro.Persistence;

/// <summary>
/// Creates the schema and opens the key ring at start-up, so a bad data directory stops the host at once
/// instead of failing its first request. Stores would also do this lazily on first use.
/// </summary>
internal sealed class PersistenceInitializer(IEnumerable<IStoreSchema> schemas, ISecretKeyRing keyRing) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keyRing.CurrentKey;
        foreach (var schema in schemas)
        {
            await schema.EnsureCreatedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
