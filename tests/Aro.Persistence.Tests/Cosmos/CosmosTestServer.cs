using System.Diagnostics;
using System.Text.RegularExpressions;
using Aro.Persistence.Cosmos;
using Aro.Persistence.Secrets;
using Aro.Persistence.Serialization;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>
/// The Cosmos DB test server (npm package @vercel/cosmosdb-server) the Cosmos tests run against, shared by every
/// test of the "Cosmos" collection. test.sh starts one and exports its endpoint as ARO_TEST_COSMOS_ENDPOINT; without
/// that variable the fixture starts its own with node (from .tools, where test.sh installs it, or through npx).
/// Without either the tests fail: CI must run them, so nothing is skipped silently.
/// </summary>
public sealed partial class CosmosTestServer : IAsyncLifetime
{
    public const string EndpointVariable = "ARO_TEST_COSMOS_ENDPOINT";

    /// <summary>The emulator's well-known key: the test server accepts any key, the SDK wants one in base64.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const string Package = "@vercel/cosmosdb-server@1.0.1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private Process? _server;

    public string Endpoint { get; private set; } = "";

    /// <summary>A database of this test run's own, so runs sharing a long-lived server never see each other's documents.</summary>
    public string DatabaseName { get; } = $"aro-tests-{Guid.NewGuid():N}";

    /// <summary>The stores' database, shared by the tests (they use fresh partition keys and ids).</summary>
    public CosmosDatabase Database { get; private set; } = null!;

    /// <summary>
    /// One key ring for every test of the run: sweeps across partitions (ListUnsettled) read other tests' documents
    /// too, and must be able to open their secrets.
    /// </summary>
    public DocumentJsonSerializer Serializer { get; } = new(new AesGcmSecretProtector(new FileSecretKeyRing(Keys.Path)));

    private static TemporaryDirectory Keys { get; } = new();

    public CosmosStoreOptions Options() => new()
    {
        Endpoint = Endpoint,
        Key = Key,
        DatabaseName = DatabaseName,
        AllowUntrustedCertificates = true,
    };

    public async Task InitializeAsync()
    {
        Endpoint = Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint
            ? endpoint
            : await StartServerAsync();
        Database = new CosmosDatabase(Options());
    }

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            // A server someone else runs keeps going: leave it as found.
            await Database.Client.GetDatabase(DatabaseName).DeleteAsync();
        }

        Database.Dispose();
        Keys.Dispose();
        if (_server is not null)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
            _server.Dispose();
        }
    }

    private async Task<string> StartServerAsync()
    {
        var (fileName, arguments) = ServerCommand();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["-p", "0", "--host", "127.0.0.1"]))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The Cosmos tests need the Cosmos DB test server: set {EndpointVariable} to a running one, or install Node.js so the tests can start {Package} themselves (./test.sh does both).",
                exception);
        }

        var errors = _server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await _server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ReadyLine().Match(line) is { Success: true } ready)
            {
                // Keep draining stdout so the server never blocks on a full pipe.
                _ = _server.StandardOutput.ReadToEndAsync();
                return $"https://127.0.0.1:{ready.Groups["port"].Value}/";
            }
        }

        throw new InvalidOperationException($"The Cosmos DB test server ({fileName} {string.Join(' ', arguments)}) exited before it was ready: {await errors}");
    }

    /// <summary>The copy test.sh installs into .tools when there is one, otherwise npx (which fetches it once into its cache).</summary>
    private static (string FileName, string[] Arguments) ServerCommand()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var installed = Path.Combine(directory.FullName, ".tools", "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
            if (File.Exists(installed))
            {
                return ("node", [installed]);
            }
        }

        return ("npx", ["--yes", Package]);
    }

    [GeneratedRegex(@"Ready to accept HTTPS connections at .*:(?<port>\d+)$")]
    private static partial Regex ReadyLine();
}
