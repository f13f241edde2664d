using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Aro.Rp.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ARM requests, outgoing calls (ARM, blobs, Kubernetes), and MassTransit's
/// own sources, so one trace follows a PUT through the bus to every step and its cloud calls. Exported over
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter's standard variables apply); otherwise
/// collected and dropped, which costs little.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "aro-rp";

    /// <summary>MassTransit's ActivitySource and Meter (DiagnosticHeaders.DefaultListenerName).</summary>
    private const string MassTransitSource = "MassTransit";

    public static IServiceCollection AddAroTelemetry(this IServiceCollection services, IConfiguration configuration, string components)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceInstanceId: Environment.MachineName)
                .AddAttributes([new KeyValuePair<string, object>("aro.components", components)]))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                    .AddHttpClientInstrumentation()
                    .AddSource(MassTransitSource)
                    .AddSource("Azure.*");
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(MassTransitSource)
                    .AddMeter(Aro.Consumers.Projection.ClusterOperationMetrics.MeterName)
                    .AddMeter(Aro.Persistence.StoreMetrics.MeterName)
                    .AddMeter(Aro.Messaging.ServiceBus.Transport.ServiceBusSendMetrics.MeterName);
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
