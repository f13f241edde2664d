using Aro.LocalCloud;
using Microsoft.Extensions.Options;

namespace Aro.Rp.LocalCloud;

/// <summary>
/// The local cloud emulator started inside the all-in-one RP, before the bus, so the consumers' first calls
/// find it listening. Its state lives next to the RP's ({data directory}/localcloud) and survives restarts.
/// </summary>
internal sealed partial class EmbeddedLocalCloud(IOptions<LocalCloudOptions> options, ILogger<EmbeddedLocalCloud> logger) : IHostedService
{
    private LocalCloudServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await LocalCloudServer.StartAsync(options.Value, cancellationToken);
        LogListening(logger, _server.BaseAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local cloud listening on {BaseAddress}")]
    private static partial void LogListening(ILogger logger, Uri baseAddress);
}
