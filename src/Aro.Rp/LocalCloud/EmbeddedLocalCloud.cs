using Aro.LocalCloud;
using Aro.LocalCloud.ServiceBus;
using Aro.Rp.Hosting;
using Microsoft.AspNetCore.Connections;
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
        _server = await StartServerAsync(options.Value, cancellationToken);
        LogListening(logger, _server.BaseAddress);
    }

    /// <summary>Starts the local cloud; its address already in use refuses the start with one line naming the variable that moves it.</summary>
    public static async Task<LocalCloudServer> StartServerAsync(LocalCloudOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await LocalCloudServer.StartAsync(options, cancellationToken);
        }
        catch (ServiceBusConfigurationException misconfigured)
        {
            throw new StartupRefusedException(misconfigured.Message);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new StartupRefusedException(
                $"ARO_LOCAL_CLOUD_URL {options.Url} is already in use by another process (the local cloud listens there): set ARO_LOCAL_CLOUD_URL to a free address.");
        }
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
