using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Aro.Rp.Tests.EndToEnd;

/// <summary>
/// The real all-in-one RP in process (frontend on the test server; in-memory bus; SQLite; the embedded local
/// cloud on a real port), on a data directory the test owns, so a second instance on the same directory and
/// port is a restart of the first.
/// </summary>
internal sealed class AllInOneRp(RpState state, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private ICollection<System.Diagnostics.Activity>? _exportedActivities;
    private Action<IServiceCollection>? _services;
    private Serilog.Core.ILogEventSink? _logSink;

    public HttpClient LocalCloud { get; } = new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = new Uri($"https://localhost:{state.LocalCloudPort}/"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Rp:DataDirectory", state.DataDirectory);
        builder.UseSetting("LocalCloud:Url", $"https://localhost:{state.LocalCloudPort}");
        builder.UseSetting("Frontend:Location", Walkthrough.Location);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Cloud:KubernetesPollInterval", "00:00:00.100");
        builder.UseSetting("Cloud:MachineSetReadyTimeout", "00:01:00");
        builder.UseSetting($"LocalCloud:Latency:{Aro.Rp.LocalCloud.LocalCloudSelection.VirtualMachineWrite}", "00:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_services is { } services)
        {
            builder.ConfigureTestServices(services);
        }

        if (_exportedActivities is { } exported)
        {
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        }

        if (_logSink is { } sink)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(sink));
        }
    }

    /// <summary>Also writes every log event the RP's Serilog pipeline lets through (escaped, enriched) to <paramref name="sink"/>.</summary>
    public AllInOneRp WithLogSink(Serilog.Core.ILogEventSink sink)
    {
        _logSink = sink;
        return this;
    }

    /// <summary>Keeps every finished trace span in <paramref name="exported"/> (lock it to read).</summary>
    public AllInOneRp WithTelemetry(ICollection<System.Diagnostics.Activity> exported)
    {
        _exportedActivities = exported;
        return this;
    }

    /// <summary>Adds services to the RP's container (a log sink, a bus observer) after its own.</summary>
    public AllInOneRp WithServices(Action<IServiceCollection> services)
    {
        _services = services;
        return this;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LocalCloud.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>What survives an RP restart: its data directory and the local cloud's port.</summary>
internal sealed class RpState : IDisposable
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("aro-e2e-").FullName;

    public int LocalCloudPort { get; } = FreePort.Next();

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp directory is cleaned eventually.
        }
    }
}
