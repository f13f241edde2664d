namespace Aro.Rp.Hosting;

/// <summary>
/// The one line that says the process is up: what it runs, in which RP mode, and where it listens. It replaces
/// ASP.NET's lifetime messages, whose "Hosting environment: Production" is ASP.NET's notion, not RP_MODE.
/// </summary>
internal static partial class StartedNotice
{
    public static void Register(WebApplication app, string components)
    {
        var mode = app.Configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.Mode)}"] ?? new RpOptions().Mode;
        app.Lifetime.ApplicationStarted.Register(() => LogStarted(app.Logger, components, mode, string.Join(", ", app.Urls)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "aro-rp ({Components}, {Mode} mode) listening on {Urls}; Ctrl+C stops it.")]
    private static partial void LogStarted(ILogger logger, string components, string mode, string urls);
}
