using Aro.Backend;
using Aro.Frontend;
using Aro.Messaging;
using Aro.Orchestration;
using Aro.Persistence;
using Aro.Persistence.Progress;
using Aro.Rp.Admin;
using Aro.Rp.KeyVault;
using Aro.Rp.LocalCloud;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Formatting.Compact;

namespace Aro.Rp.Hosting;

/// <summary>Composes the all-in-one RP: frontend and backend over the embedded store and in-memory bus, the local cloud beside them.</summary>
internal static class RpApplication
{
    public static WebApplication Build(string[] args)
    {
        // The slim builder leaves out what the RP never uses and would still load and keep in memory: IIS, HTTP/3 (QUIC),
        // static web assets and regex route constraints (ADR 0007). Kestrel's HTTPS from configuration is added back.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Configuration.AddAroSources(args);

        // Every configuration problem is reported at once: values that cannot bind are found first and then read as
        // unset, so that binding does not stop at the first while the validators and the safety checks run.
        var unusableValues = ConfigurationValueCheck.Problems(builder.Configuration);
        builder.Configuration.AddInMemoryCollection(unusableValues.Select(bad => KeyValuePair.Create(bad.Key, (string?)null)));
        var problems = unusableValues.Select(bad => bad.Problem).ToList();

        builder.Services.AddOptions<RpOptions>()
            .Bind(builder.Configuration.GetSection(RpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSerilog((services, logger) =>
        {
            var options = services.GetRequiredService<IOptions<RpOptions>>().Value;
            // ReadFrom.Services: sinks and enrichers registered in the container (a host's collector, a test's capture) join.
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<LogValueEscaper>()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                // RunAsync reports a listen address in use as one line naming ARO_LISTEN_URL; the host's own failed-start
                // error with its stack trace would only bury it.
                .Filter.ByExcluding(logEvent => logEvent.Exception?.InnerException is AddressInUseException);
            if (options.LogFormat == "json")
            {
                logger.WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(BrokerConnectionFailures.Summarised, sink => sink.Console(new CompactJsonFormatter())));
            }
            else
            {
                logger.WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(BrokerConnectionFailures.Summarised, sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")));
            }
        });

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<RpOptions>>().Value;
            var keyVault = kestrel.ApplicationServices.GetService<KeyVaultMaterialRefresher>();
            kestrel.ConfigureHttpsDefaults(https =>
            {
                if (keyVault is not null)
                {
                    // Asked per handshake, so a certificate rotated in the vault is served from the next refresh on.
                    https.ServerCertificateSelector = (_, _) => keyVault.Current?.ServingCertificate;
                }
                else
                {
                    https.ServerCertificate = ServingCertificate.Load(options);
                }

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
        builder.Services.AddAroCosmosCredential(builder.Configuration);
        builder.Services.AddAroKeyVault(builder.Configuration);
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
            builder.Services.AddSagaOperationProgress<ClusterLifecycleState>();
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

        // ASP.NET's "Hosting environment: Production" would contradict RP_MODE; the RP says what it runs itself, below.
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        problems.AddRange(StartupSafetyChecks.Problems(builder.Configuration, runsFrontend));
        var app = builder.Build();
        // A value that could not bind is read as unset, which its validator may refuse again: one line per variable.
        var alreadyReported = unusableValues.Select(bad => AroEnvironmentVariables.NameOf(bad.Key)).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(OptionsValidationCheck.Problems(app.Services)
            .Where(problem => !alreadyReported.Any(variable => problem.Contains(variable, StringComparison.Ordinal))));
        if (problems.Count > 0)
        {
            ((IDisposable)app).Dispose();
            throw new StartupRefusedException(problems);
        }

        StartedNotice.Register(app, components);
        SecurityModeNotice.Log(app.Logger, app.Services.GetRequiredService<IOptions<RpOptions>>().Value, runsFrontend);
        if (components != "all" && !app.Services.GetRequiredService<IMessageTransport>().ReachesOtherProcesses)
        {
            // Allowed (tests run one half alone), but in a real split nothing would reach the other half.
            app.Logger.LogWarning("aro-rp {Components} runs on the in-memory bus: nothing it publishes reaches another process. Set ARO_TRANSPORT=rabbitmq or servicebus to run the frontend and backends apart.", components);
        }

        // Outermost, so the completion line shows the status the client really got.
        app.UseSerilogRequestLogging(logging => logging.EnrichDiagnosticContext = ArmRequestIds.Enrich);
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

    /// <summary>
    /// Runs <paramref name="app"/> until it stops; an address already in use refuses the start with one line naming
    /// the listener and the variable that moves it.
    /// </summary>
    public static async Task RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        // Read before running: a failed start disposes the host, and its configuration with it.
        var backendOnly = app.Configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.Components)}"] == "backend";
        var listenUrl = app.Configuration[$"{RpOptions.SectionName}:{nameof(RpOptions.ListenUrl)}"] ?? (backendOnly ? RpOptions.BackendListenUrl : new RpOptions().ListenUrl);
        var store = app.Services.GetService<StoreReadiness>();
        try
        {
            await app.RunAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            var listener = backendOnly ? "the backend's health endpoints" : "the ARM API";
            throw new StartupRefusedException(
                $"ARO_LISTEN_URL {listenUrl} is already in use by another process ({listener} listen there): set ARO_LISTEN_URL to a free address.");
        }

        // The store stopped the host because it can never work as configured: a refusal like any other setting's.
        if (store?.Refusal is { } refusal)
        {
            throw new StartupRefusedException(refusal);
        }
    }
}
