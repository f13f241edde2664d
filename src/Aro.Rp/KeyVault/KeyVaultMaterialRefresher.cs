using Aro.Frontend.Authentication;
using Aro.Rp.Hosting;
using Microsoft.Extensions.Options;

namespace Aro.Rp.KeyVault;

/// <summary>
/// Holds the material last read from the RP's Key Vault and reads it again every ARO_KEYVAULT_REFRESH_INTERVAL, so a
/// rotated certificate, CA or sealing key is used without a restart. The first read happens as the host starts, before
/// anything serves or seals: a vault that answers "no" (no role, no such object, unusable content) refuses the start
/// with one line; one that does not answer is retried until it does. A later failed read keeps the last good material
/// and logs one line.
/// </summary>
internal sealed partial class KeyVaultMaterialRefresher(
    KeyVaultMaterialReader reader,
    IOptions<RpOptions> options,
    TimeProvider timeProvider,
    ILogger<KeyVaultMaterialRefresher> logger,
    AdminCertificateAuthority? adminAuthority = null) : BackgroundService
{
    private static readonly TimeSpan FirstReadRetryDelay = TimeSpan.FromSeconds(5);

    private volatile KeyVaultMaterial? _current;

    /// <summary>The last material read, or null before the first successful read.</summary>
    public KeyVaultMaterial? Current => _current;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        while (!await TryReadAsync(refuseOnDenial: true, cancellationToken))
        {
            await Task.Delay(FirstReadRetryDelay, timeProvider, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the vault now; false (and one log line, the last material kept) when it could not.</summary>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => TryReadAsync(refuseOnDenial: false, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyVaultRefreshInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> TryReadAsync(bool refuseOnDenial, CancellationToken cancellationToken)
    {
        KeyVaultMaterial material;
        try
        {
            material = await reader.ReadAsync(cancellationToken);
        }
        catch (KeyVaultObjectException e)
        {
            if (refuseOnDenial && e.Status is >= 200 and < 500)
            {
                throw new StartupRefusedException(RefusalLine(e));
            }

            LogReadFailed(logger, reader.VaultUri, e.Message);
            return false;
        }

        _current = material;
        adminAuthority?.Replace(material.AdminCa);
        return true;
    }

    private string RefusalLine(KeyVaultObjectException e) => e.Status switch
    {
        401 or 403 => $"ARO_KEYVAULT_URL {reader.VaultUri}: the RP's identity may not read {e.ObjectDescription} ({e.Status}): grant the identity ARO_MANAGED_IDENTITY_CLIENT_ID names Key Vault Certificate User and Key Vault Secrets User on the vault, or check ARO_AZURE_CREDENTIAL.",
        404 => $"ARO_KEYVAULT_URL {reader.VaultUri} has no {e.ObjectDescription}: create it as infra/README.md describes.",
        _ => $"ARO_KEYVAULT_URL {reader.VaultUri}: {e.Message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Vault} could not be read, keeping the last certificates and keys read: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, Uri vault, string reason);
}
