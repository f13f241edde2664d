using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Aro.Rp.Tests.Distributed;

namespace Aro.Rp.Tests.Hosting;

/// <summary>
/// What an operator sees when aro-rp cannot start as configured: every problem at once, one line each naming the
/// variable to set, no stack trace, and exit code 1. Each test runs the real aro-rp process.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aro-startup-").FullName;

    [Fact]
    public async Task Every_unusable_setting_is_one_line_naming_its_variable_and_exit_code_1()
    {
        var (exitCode, lines) = await RunAsync(new Dictionary<string, string>
        {
            ["ARO_STEP_TIMEOUT"] = "10",
            ["ARO_MAX_STEP_ATTEMPTS"] = "many",
            ["ARO_RABBITMQ_TLS"] = "yes",
        });

        Assert.Equal(1, exitCode);
        Assert.All(lines, line => Assert.StartsWith("aro-rp: ", line, StringComparison.Ordinal));
        // An unusable value is read as unset, which its validator could refuse again: still one line per variable.
        Assert.Single(lines, line => line.Contains("ARO_STEP_TIMEOUT", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("ARO_MAX_STEP_ATTEMPTS", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("ARO_RABBITMQ_TLS", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--halp")]
    [InlineData("run", "--no-such-option")]
    public async Task An_unknown_command_or_argument_is_an_error_naming_it(params string[] arguments)
    {
        var (exitCode, lines) = await RunAsync(new Dictionary<string, string>(), arguments);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains($"'{arguments[^1]}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listen_address_in_use_is_one_line_naming_the_variable_that_moves_it()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, lines) = await RunAsync(new Dictionary<string, string>
        {
            ["ARO_LOCAL_CLOUD_URL"] = $"https://127.0.0.1:{port}",
            ["ARO_LOCAL_CLOUD_SERVICEBUS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        }, "local-cloud");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(lines, line => line.StartsWith("aro-rp: ", StringComparison.Ordinal));
        Assert.Contains("ARO_LOCAL_CLOUD_URL", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ARM_APIs_listen_address_in_use_is_one_line_naming_ARO_LISTEN_URL()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, lines) = await RunAsync(new Dictionary<string, string>
        {
            ["ARO_LISTEN_URL"] = $"https://127.0.0.1:{port}",
            ["ARO_LOCAL_CLOUD_URL"] = $"https://localhost:{FreePort.Next()}",
            ["ARO_LOCAL_CLOUD_SERVICEBUS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(lines, line => line.StartsWith("aro-rp: ", StringComparison.Ordinal));
        Assert.Contains("ARO_LISTEN_URL", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "ARO_LISTEN_URL")]
    [InlineData("backend", "ARO_STEP_TIMEOUT")]
    [InlineData("dead-letters", "ARO_RABBITMQ_HOST")]
    [InlineData("clusters", "ARO_DATA_DIR")]
    public async Task Help_of_each_command_lists_the_environment_variables_it_reads(string command, string variable)
    {
        var (exitCode, lines) = await RunAsync(new Dictionary<string, string>(), command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(lines, line => line.Contains("Environment (env.example):", StringComparison.Ordinal) && line.Contains(variable, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int ExitCode, List<string> Lines)> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        environment["ARO_DATA_DIR"] = Path.Combine(_root, "data");
        environment["RP_MODE"] = "development";
        await using var rp = RpProcess.Start($"startup-{Guid.NewGuid():N}", _root, environment, arguments);
        var exitCode = await rp.WaitForExitAsync(TimeSpan.FromSeconds(90));

        // Tail's first line is its own header.
        var lines = rp.Tail().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        return (exitCode, lines);
    }
}
