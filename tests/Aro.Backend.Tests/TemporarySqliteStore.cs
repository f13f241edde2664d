using Aro.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Backend.Tests;

/// <summary>The RP's stores on SQLite in a folder of their own, deleted with them: what the backend's sweeps work over.</summary>
internal sealed class TemporarySqliteStore : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private TemporarySqliteStore(string dataDirectory, ServiceProvider services)
    {
        _dataDirectory = dataDirectory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <param name="more">Further services the test needs beside the stores, such as a bus test harness.</param>
    public static TemporarySqliteStore Create(Func<IServiceCollection, IServiceCollection>? more = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("aro-backend-tests-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Persistence:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection().AddLogging().AddAroPersistence(configuration);
        return new TemporarySqliteStore(dataDirectory, (more?.Invoke(services) ?? services).BuildServiceProvider());
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
