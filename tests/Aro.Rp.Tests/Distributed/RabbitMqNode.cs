using System.Diagnostics;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// The test broker's node itself (.ci/rabbitmq.sh exports RABBITMQ_NODENAME and the rest, which rabbitmqctl reads):
/// stopping its application drops every connection and keeps the durable queues, as a broker restart does.
/// </summary>
internal static class RabbitMqNode
{
    public static Task StopAppAsync() => RabbitMqCtlAsync("stop_app");

    public static Task StartAppAsync() => RabbitMqCtlAsync("start_app");

    private static async Task RabbitMqCtlAsync(string command)
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RABBITMQ_NODENAME")), "RABBITMQ_NODENAME is not set: run the tests with ./test.sh, which starts the broker.");
        // The scripts in /usr/lib/rabbitmq/bin run as the caller; the /usr/sbin wrappers would switch user.
        var rabbitmqctl = File.Exists("/usr/lib/rabbitmq/bin/rabbitmqctl") ? "/usr/lib/rabbitmq/bin/rabbitmqctl" : "rabbitmqctl";
        using var process = Process.Start(new ProcessStartInfo(rabbitmqctl, ["-q", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {output}");
    }
}
