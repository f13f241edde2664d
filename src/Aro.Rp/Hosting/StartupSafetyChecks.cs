using System.Net;

namespace Aro.Rp.Hosting;

/// <summary>
/// What the RP refuses to start with. Production: plain HTTP, TLS older than 1.2, a serving certificate file others can
/// read, RabbitMQ's default guest account, RabbitMQ without TLS beyond this machine. Development (which checks no
/// client certificate): serving the ARM API anywhere but loopback, unless explicitly allowed for a container.
/// Each refusal is one line naming the setting to change.
/// </summary>
internal static class StartupSafetyChecks
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, bool servesArmApi)
    {
        var rp = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>() ?? new RpOptions();
        var listenUrl = configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.ListenUrl)}"]
            ?? configuration["urls"]
            ?? (servesArmApi ? new RpOptions().ListenUrl : RpOptions.BackendListenUrl);
        var problems = new List<string>();
        if (rp.IsDevelopment)
        {
            if (servesArmApi && !rp.DevelopmentListensOnAnyAddress && ListenUrls(listenUrl).Any(url => !IsLoopback(url.Host)))
            {
                problems.Add($"ARO_LISTEN_URL {listenUrl} is not a loopback address: development mode checks no client certificate, so it serves only this machine (use RP_MODE=production, or ARO_DEVELOPMENT_LISTEN_ANY=true inside a private container network).");
            }

            return problems;
        }

        if (ListenUrls(listenUrl).Any(url => url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"ARO_LISTEN_URL {listenUrl} is not https://: production serves TLS only.");
        }

        if (rp.MinimumTlsVersion is not ("1.2" or "1.3"))
        {
            problems.Add($"ARO_TLS_MIN_VERSION {rp.MinimumTlsVersion} is below 1.2: production accepts TLS 1.2 or 1.3 only.");
        }

        if (!string.IsNullOrEmpty(rp.TlsCertificateFile) && File.Exists(rp.TlsCertificateFile) && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(rp.TlsCertificateFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            problems.Add($"ARO_TLS_CERTIFICATE_FILE {rp.TlsCertificateFile} is readable by other users: it holds the private key; chmod 600 it.");
        }

        if (string.Equals(configuration["Messaging:Transport"], "rabbitmq", StringComparison.OrdinalIgnoreCase))
        {
            var host = configuration["Messaging:RabbitMq:Host"] ?? "localhost";
            var username = configuration["Messaging:RabbitMq:Username"] ?? "guest";
            var password = configuration["Messaging:RabbitMq:Password"] ?? "guest";
            var tls = string.Equals(configuration["Messaging:RabbitMq:UseTls"], "true", StringComparison.OrdinalIgnoreCase);
            if (username == "guest" || password == "guest")
            {
                problems.Add("ARO_RABBITMQ_USERNAME / ARO_RABBITMQ_PASSWORD are RabbitMQ's default guest account: production needs a user of its own.");
            }

            if (!tls && !IsLoopback(host))
            {
                problems.Add($"ARO_RABBITMQ_TLS must be true to reach RabbitMQ at {host}: messages would cross the network in clear.");
            }
        }

        return problems;
    }

    /// <summary>Throws with the first problem, if any.</summary>
    public static void Enforce(IConfiguration configuration, bool servesArmApi)
    {
        if (Problems(configuration, servesArmApi) is [var first, ..])
        {
            throw new StartupRefusedException(first);
        }
    }

    private static IEnumerable<Uri> ListenUrls(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri
                : new Uri("http://0.0.0.0"));

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
