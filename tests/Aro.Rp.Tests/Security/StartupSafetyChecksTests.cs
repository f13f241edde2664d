using Aro.Rp.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Security;

/// <summary>What production refuses to start with (one line each, naming the setting), and development's loopback rule.</summary>
public sealed class StartupSafetyChecksTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aro-safety-").FullName;

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "Rp:ListenUrl", "http://127.0.0.1:8443", "ARO_LISTEN_URL" },
        { "Rp:MinimumTlsVersion", "1.1", "ARO_TLS_MIN_VERSION" },
        { "Messaging:RabbitMq:Username", "guest", "ARO_RABBITMQ_USERNAME" },
        { "Messaging:RabbitMq:Host", "rabbit.internal", "ARO_RABBITMQ_TLS" },
    };

    [Fact]
    public void A_safe_production_configuration_passes() =>
        Assert.Empty(StartupSafetyChecks.Problems(Production(), servesArmApi: true));

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Production_refuses_an_unsafe_setting_with_one_line_naming_it(string key, string value, string variable)
    {
        var problems = StartupSafetyChecks.Problems(Production((key, value)), servesArmApi: true);

        var problem = Assert.Single(problems);
        Assert.Contains(variable, problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Production_refuses_a_serving_certificate_file_others_can_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = Path.Combine(_directory, "tls.pfx");
        File.WriteAllBytes(file, TestCertificates.ServingCertificatePfx());
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var problem = Assert.Single(StartupSafetyChecks.Problems(Production(("Rp:TlsCertificateFile", file)), servesArmApi: true));
        Assert.Contains("ARO_TLS_CERTIFICATE_FILE", problem);

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Empty(StartupSafetyChecks.Problems(Production(("Rp:TlsCertificateFile", file)), servesArmApi: true));
    }

    [Theory]
    [InlineData("https://0.0.0.0:8443", false, true)]
    [InlineData("https://*:8443", false, true)]
    [InlineData("https://localhost:8443", false, false)]
    [InlineData("https://127.0.0.1:8443", false, false)]
    [InlineData("https://[::1]:8443", false, false)]
    [InlineData("https://0.0.0.0:8443", true, false)]
    public void Development_serves_the_ARM_API_on_loopback_only(string listenUrl, bool allowAny, bool refused)
    {
        var configuration = Configuration(("Rp:Mode", "development"), ("Rp:ListenUrl", listenUrl), ("Rp:DevelopmentListensOnAnyAddress", allowAny ? "true" : "false"));

        var problems = StartupSafetyChecks.Problems(configuration, servesArmApi: true);

        Assert.Equal(refused, problems.Count == 1);
        Assert.Empty(StartupSafetyChecks.Problems(configuration, servesArmApi: false));
    }

    [Fact]
    public void The_process_exits_1_with_one_line_on_a_refused_configuration()
    {
        var error = Assert.Throws<StartupRefusedException>(() =>
            StartupSafetyChecks.Enforce(Production(("Rp:ListenUrl", "http://127.0.0.1:8443")), servesArmApi: true));
        Assert.StartsWith("ARO_LISTEN_URL", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfiguration Production(params (string Key, string Value)[] overrides) =>
        Configuration([
            ("Rp:Mode", "production"),
            ("Rp:ListenUrl", "https://0.0.0.0:8443"),
            ("Messaging:Transport", "rabbitmq"),
            ("Messaging:RabbitMq:Host", "localhost"),
            ("Messaging:RabbitMq:Username", "aro"),
            ("Messaging:RabbitMq:Password", "s3cret-password"),
            .. overrides,
        ]);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
