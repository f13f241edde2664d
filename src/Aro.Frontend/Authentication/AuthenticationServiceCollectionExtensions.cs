using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>ASP.NET Core's switch that keeps a single registered scheme from becoming every request's default.</summary>
    internal const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    /// <summary>
    /// Registers who may call: ARM by its published client certificates (read and refreshed in the background,
    /// with a readiness check), operators by the admin certificate. The host decides whether the ARM check is on.
    /// </summary>
    public static IServiceCollection AddAroClientCertificateAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArmAuthenticationOptions>()
            .Bind(configuration.GetSection(ArmAuthenticationOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                options => !options.RequireClientCertificate || options.MetadataEndpoint is { Scheme: "https" },
                "ARO_ARM_METADATA_ENDPOINT must be an https:// URL when ARM client certificates are required (RP_MODE=production).")
            .ValidateOnStart();
        services.AddOptions<AdminAuthenticationOptions>().Bind(configuration.GetSection(AdminAuthenticationOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ArmCertificateRegistry>();
        services.AddSingleton<ArmMetadataRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<ArmMetadataRefresher>());
        services.AddHttpClient(ArmMetadataRefresher.HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = ArmMetadataRefresher.MaximumDocumentBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<ArmAuthenticationOptions>>().Value;
                var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
                if (options.AllowUntrustedMetadataCertificate)
                {
                    handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
                }

                return handler;
            });
        services.AddHealthChecks().AddCheck<ArmCertificateHealthCheck>("arm-client-certificates");

        services.AddSingleton<AdminCertificateAuthority>();
        // The admin scheme is asked for by name, on /admin only (ClientCertificateAuthorizationMiddleware). A lone scheme
        // would otherwise become the default, and the authentication middleware the host adds would run the certificate
        // handler on every request for nothing: a sixth of a GET's work (issue 16, the read path).
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddCertificate(AdminCertificateAuthentication.Scheme, _ => { });
        services.AddSingleton<IConfigureOptions<CertificateAuthenticationOptions>, AdminCertificateAuthentication>();
        return services;
    }
}
