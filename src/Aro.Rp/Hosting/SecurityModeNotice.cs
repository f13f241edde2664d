namespace Aro.Rp.Hosting;

/// <summary>The line at start that says who this RP trusts, so nobody runs development mode believing it is protected.</summary>
internal static partial class SecurityModeNotice
{
    public static void Log(ILogger logger, RpOptions options, bool servesArmApi)
    {
        if (!servesArmApi)
        {
            return;
        }

        if (options.IsDevelopment)
        {
            LogDevelopment(logger, options.ListenUrl);
        }
        else
        {
            LogProduction(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: ARM client certificates are NOT checked; anyone who reaches {ListenUrl} has the whole ARM API. Serving loopback only. Set RP_MODE=production to require ARM's certificates.")]
    private static partial void LogDevelopment(ILogger logger, string listenUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Production mode: the ARM API answers only ARM's published client certificates; /admin only the admin certificate.")]
    private static partial void LogProduction(ILogger logger);
}
