using System.Diagnostics;
using System.Diagnostics.Metrics;
using Aro.Api;
using Aro.Api.Model;

namespace Aro.Consumers.Projection;

/// <summary>
/// How cluster operations end, as OpenTelemetry metrics (meter <see cref="MeterName"/>): a count per kind, result
/// and error code, and how long each took. Recorded once per operation, when the projection settles it.
/// </summary>
public sealed class ClusterOperationMetrics
{
    public const string MeterName = "Aro.Clusters";

    private readonly Counter<long> _completed;
    private readonly Histogram<double> _duration;

    public ClusterOperationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _completed = meter.CreateCounter<long>("aro.cluster.operations", unit: "{operation}", description: "Cluster operations that ended, by kind, result and error code.");
        _duration = meter.CreateHistogram<double>("aro.cluster.operation.duration", unit: "s", description: "From the ARM request to the operation's end.");
    }

    /// <param name="kind">What the operation did: the provisioningState it started in (Creating, Updating, Deleting).</param>
    public void Ended(ProvisioningState kind, ProvisioningState result, CloudErrorBody? error, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "aro.operation.kind", kind.ToString() },
            { "aro.operation.result", result.ToString() },
            { "error.type", error?.Code },
        };
        _completed.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }
}
