using System.Diagnostics;

namespace Aro.Rp.Tests.Distributed;

/// <summary>
/// One <c>aro-rp</c> process (the aro-rp.dll built next to the tests), its output kept in a log file so a failing
/// test can show what the process said. <see cref="Kill"/> is kill -9: no shutdown, nothing flushed.
/// </summary>
internal sealed class RpProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private RpProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string LogPath => ((FileStream)_log.BaseStream).Name;

    public bool HasExited => _process.HasExited;

    public static RpProcess Start(string name, string logDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aro-rp.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}.log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RpProcess(name, process, log);
    }

    /// <summary>SIGKILL, as a crashed machine would: in-flight messages stay unacknowledged at the broker.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>The file names of the assemblies the running process has mapped (from /proc/{pid}/maps), such as "aro-rp.dll".</summary>
    public IReadOnlySet<string> MappedAssemblies() =>
        File.ReadLines($"/proc/{_process.Id}/maps")
            // A mapped file's path is the rest of its line, from its leading slash: it may contain spaces.
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var start and >= 0 ? line[start..] : string.Empty)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Select(path => Path.GetFileName(path))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>The last lines the process wrote, for assertion messages.</summary>
    public string Tail(int lines = 40) => $"--- {Name} ---\n" + string.Join('\n', Output().Split('\n').TakeLast(lines));

    /// <summary>Everything the process wrote so far (standard output and error, as they came).</summary>
    public string Output()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: a graceful stop, as an orchestrator would ask.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }
}
