using Aro.Backend;
using Aro.Frontend;
using Aro.Messaging;
using Aro.Persistence;
using Aro.Rp.Admin;
using Aro.Rp.LocalCloud;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Formatting.Compact;

namespace Aro.Rp.Hosting;

/// <summary>Composes the all-in-one RP: frontend and backend over the embedded store and in-memory bus, the local cloud beside them.</summary>
internal static class RpApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddAroSources(args);

        builder.Services.AddOptions<RpOptions>()
            .Bind(builder.Configuration.GetSection(RpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSerilog((services, logger) =>
        {
            var options = services.GetRequiredService<IOptions<RpOptions>>().Value;
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With<LogValueEscaper>()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning);
            if (options.LogFormat == "json")
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}");
            }
        });

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<RpOptions>>().Value;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = ServingCertificate.Load(options);
                ClientCertificateHosting.ConfigureHttps(https, options);
            });
        });
        var components = builder.Configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.Components)}"] ?? new RpOptions().Components;
        var runsFrontend = components is "all" or "frontend";
        var runsBackend = components is "all" or "backend";
        // A backend serves only its health endpoints; its own default port lets it run beside a frontend.
        builder.WebHost.UseUrls(builder.Configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.ListenUrl)}"]
            ?? (runsFrontend ? new RpOptions().ListenUrl : RpOptions.BackendListenUrl));

        builder.Services.AddAroPersistence(builder.Configuration);
        builder.Services.AddOptions<PersistenceOptions>().Configure<IOptions<RpOptions>>((persistence, rp) =>
        {
            // One data directory for the whole host unless the store is pointed elsewhere explicitly.
            if (string.IsNullOrWhiteSpace(persistence.DataDirectory))
            {
                persistence.DataDirectory = rp.Value.DataDirectory;
            }
        });
        if (runsFrontend)
        {
            builder.Services.AddAroFrontend(builder.Configuration);
            builder.Services.AddAroArmAuthenticationDefaults(builder.Configuration);
            builder.Services.AddAroAdmin();
        }

        // Hosted services start in registration order: the local cloud before the bus (the consumers' first
        // calls find it listening), the bus before the backend's reconciler (its first sweep publishes).
        if (runsBackend)
        {
            builder.Services.AddAroCloudSelection(builder.Configuration);
        }

        builder.Services.AddAroServiceBusSelection(builder.Configuration);
        builder.Services.AddAroMessaging(builder.Configuration, MessageTransports.All, (bus, transport) =>
        {
            if (runsBackend)
            {
                bus.AddAroBackendEndpoints(transport);
            }
        });
        if (runsBackend)
        {
            builder.Services.AddAroBackend(builder.Configuration);
        }
        builder.Services.AddAroTelemetry(builder.Configuration, components);
        builder.Services.AddHealthChecks();

        StartupSafetyChecks.Enforce(builder.Configuration, runsFrontend);
        var app = builder.Build();
        SecurityModeNotice.Log(app.Logger, app.Services.GetRequiredService<IOptions<RpOptions>>().Value, runsFrontend);
        if (components != "all" && !app.Services.GetRequiredService<IMessageTransport>().ReachesOtherProcesses)
        {
            // Allowed (tests run one half alone), but in a real split nothing would reach the other half.
            app.Logger.LogWarning("aro-rp {Components} runs on the in-memory bus: nothing it publishes reaches another process. Set ARO_TRANSPORT=rabbitmq or servicebus to run the frontend and backends apart.", components);
        }

        // Outermost, so the completion line shows the status the client really got.
        app.UseSerilogRequestLogging(logging => logging.EnrichDiagnosticContext = (diagnostics, http) =>
            diagnostics.Set("RequestId", http.Response.Headers["x-ms-request-id"].ToString()));
        if (runsFrontend)
        {
            app.UseAroFrontend();
        }

        // Live: the process answers (restarting it would not bring the broker back). Ready: the store and the bus work.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready");
        if (runsFrontend)
        {
            app.MapAroFrontend();
            app.MapAroAdmin();
        }

        return app;
    }
}
