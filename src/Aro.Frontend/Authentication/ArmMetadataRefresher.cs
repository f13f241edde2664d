using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

/// <summary>
/// Reads ARM's published client certificates at start and then every <see cref="ArmAuthenticationOptions.RefreshInterval"/>
/// (sooner after a failure). Redirects are not followed and any answer but a well-formed 200 keeps the last good list:
/// whoever can answer for the metadata endpoint decides who may call as ARM, so nothing else may.
/// </summary>
public sealed partial class ArmMetadataRefresher(
    IHttpClientFactory httpClients,
    ArmCertificateRegistry registry,
    IOptions<ArmAuthenticationOptions> options,
    TimeProvider timeProvider,
    ILogger<ArmMetadataRefresher> logger) : BackgroundService
{
    public const string HttpClientName = "arm-authentication-metadata";

    /// <summary>The most a metadata document may weigh; ARM's is a few kilobytes.</summary>
    public const int MaximumDocumentBytes = 1024 * 1024;

    /// <summary>Reads the metadata once; true when the list was replaced.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var endpoint = options.Value.MetadataEndpoint;
        if (endpoint is null)
        {
            return false;
        }

        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogRefused(logger, endpoint, (int)response.StatusCode);
                return false;
            }

            var certificates = ArmAuthenticationMetadata.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            registry.Replace(certificates, timeProvider.GetUtcNow());
            LogRefreshed(logger, certificates.Count, certificates.Count(c => c.IsValidAt(timeProvider.GetUtcNow())));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, endpoint);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.MetadataEndpoint is null)
        {
            // Development without ARM: nothing to read, and nothing is checked against it.
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var refreshed = await RefreshAsync(stoppingToken);
            try
            {
                await Task.Delay(refreshed ? options.Value.RefreshInterval : options.Value.RetryInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ARM client certificates refreshed: {Count} published, {ValidCount} valid now")]
    private static partial void LogRefreshed(ILogger logger, int count, int validCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ARM authentication metadata at {Endpoint} answered {StatusCode}; keeping the last good certificate list")]
    private static partial void LogRefused(ILogger logger, Uri endpoint, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read ARM authentication metadata at {Endpoint}; keeping the last good certificate list")]
    private static partial void LogFailed(ILogger logger, Exception exception, Uri endpoint);
}
