using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// docs/operations.md's promise for a dependency that is not there yet when the RP starts: the RP listens, is alive but
/// not ready, says so in one line per attempt (no stack traces), and becomes ready by itself once the dependency comes.
/// The broker's application is stopped for the RabbitMQ case, so these run alone (<see cref="BrokerRestartCollection"/>).
/// </summary>
[Trait("Category", "RabbitMQ")]
[Collection(BrokerRestartCollection.Name)]
public sealed partial class DependencyStartupTests : IDisposable
{
    // Bounds on waiting, not timing assertions: a busy two-core machine starts processes slowly.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _root = Directory.CreateTempSubdirectory("aro-dependency-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log still held by a dying process; the temp directory is cleaned eventually.
        }
    }

    [Fact]
    public async Task A_frontend_started_while_RabbitMQ_is_down_listens_unready_and_becomes_ready_when_it_comes()
    {
        await using var broker = await DistributedBroker.CreateAsync(RpTransport.RabbitMq);
        await RabbitMqNode.StopAppAsync();
        try
        {
            var port = FreePort.Next();
            await using var frontend = RpProcess.Start("frontend", _root, Environment(port, broker.RpEnvironment), "frontend");
            using var http = Client(port);

            await WaitForAsync(frontend, http, "/healthz", HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(http, "/healthz/ready"));

            await RabbitMqNode.StartAppAsync();
            await WaitForAsync(frontend, http, "/healthz/ready", HttpStatusCode.OK);
            AssertNoStackTrace(frontend);

            // Development says it is development once (the start-up line), not ASP.NET Core's "Hosting environment: Production".
            Assert.DoesNotContain("Hosting environment", frontend.Output(), StringComparison.Ordinal);
        }
        finally
        {
            // Whatever happened above, the other RabbitMQ tests get their broker back.
            await RabbitMqNode.StartAppAsync();
        }
    }

    [Fact]
    public async Task An_RP_started_before_Cosmos_DB_listens_unready_and_becomes_ready_when_it_comes()
    {
        var cosmosPort = FreePort.Next();
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["ARO_STORE"] = "cosmos",
            ["ARO_COSMOS_ENDPOINT"] = $"https://127.0.0.1:{cosmosPort}/",
            ["ARO_COSMOS_KEY"] = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
            ["ARO_COSMOS_DATABASE"] = "aro-late",
            ["ARO_COSMOS_ALLOW_UNTRUSTED_CERTIFICATES"] = "true",
        };
        await using var frontend = RpProcess.Start("frontend", _root, Environment(port, settings), "frontend");
        using var http = Client(port);

        await WaitForAsync(frontend, http, "/healthz", HttpStatusCode.OK);
        await WaitUntilLoggedAsync(frontend, NotReadyLine());
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(http, "/healthz/ready"));

        using var cosmos = StartCosmosServer(cosmosPort);
        try
        {
            await WaitForAsync(frontend, http, "/healthz/ready", HttpStatusCode.OK);
        }
        finally
        {
            cosmos.Kill(entireProcessTree: true);
        }

        AssertNoStackTrace(frontend);
    }

    private Dictionary<string, string> Environment(int port, IReadOnlyDictionary<string, string> dependency)
    {
        var environment = new Dictionary<string, string>
        {
            ["RP_MODE"] = "development",
            ["LOCATION"] = "eastus",
            ["ARO_LOG_LEVEL"] = "Information",
            ["ARO_LISTEN_URL"] = $"https://localhost:{port}",
            ["ARO_CLOUD_ENDPOINT"] = $"https://localhost:{FreePort.Next()}/",
            ["Persistence__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName,
        };
        foreach (var (key, value) in dependency)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static HttpClient Client(int port) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = new Uri($"https://localhost:{port}/"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task WaitForAsync(RpProcess process, HttpClient http, string path, HttpStatusCode expected)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (await StatusAsync(http, path) != expected)
        {
            Assert.False(process.HasExited, $"{process.Name} exited.\n{process.Tail()}");
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{path} never answered {expected}.\n{process.Tail()}");
            await Task.Delay(250);
        }
    }

    private static async Task WaitUntilLoggedAsync(RpProcess process, Regex line)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!line.IsMatch(process.Output()))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{process.Name} never logged {line}.\n{process.Tail()}");
            await Task.Delay(250);
        }
    }

    // A stack frame line ("   at Namespace.Type.Method(...)"): the waiting is told in one line per attempt instead.
    private static void AssertNoStackTrace(RpProcess process) =>
        Assert.False(StackFrame().IsMatch(process.Output()), $"{process.Name} logged a stack trace.\n{process.Tail(80)}");

    /// <summary>The Cosmos DB test server test.sh installs into .tools, on the port the RP was told.</summary>
    private static Process StartCosmosServer(int port)
    {
        string? cli = null;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null && cli is null; directory = directory.Parent)
        {
            var installed = Path.Combine(directory.FullName, ".tools", "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
            cli = File.Exists(installed) ? installed : null;
        }

        Assert.True(cli is not null, "The Cosmos DB test server is not installed in .tools: run the tests with ./test.sh, which installs it.");
        var start = new ProcessStartInfo("node", [cli!, "-p", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = Process.Start(start)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        return server;
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex("Cosmos DB at .* is not ready \\(attempt")]
    private static partial Regex NotReadyLine();
}
