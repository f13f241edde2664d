using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Every argument is BenchmarkDotNet's (--filter, --job, --list flat, ...), plus --quick: a short run inside
// this process that checks every benchmark works in about a minute and a half; its ratios are rough.
// --serve-read-path: no benchmark; the read path's two apps (ReadPathBenchmarks) served until SIGTERM or SIGINT, their
// URLs printed one a line ("rp-get http://..."), for a load generator in another process (scripts/read-throughput.sh).
if (args.Contains("--serve-read-path"))
{
    await Aro.Benchmarks.ReadPathServer.ServeAsync();
    return;
}

const string Quick = "--quick";
var quick = args.Contains(Quick);
args = [.. args.Where(arg => arg != Quick)];
if (!args.Any(arg => arg is "--filter" or "-f" or "--list"))
{
    // Without a filter BenchmarkDotNet asks which benchmarks to run; unattended runs take them all.
    args = [.. args, "--filter", "*"];
}

var config = quick
    ? DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
