using System.Diagnostics.Metrics;

namespace Aro.Persistence;

/// <summary>
/// What the stores cost, as a counter (meter <see cref="MeterName"/>, instrument <see cref="OperationsName"/>): every
/// SQLite commit and every Cosmos DB request, by store, kind (write, read, query) and table or container. An operator
/// sees the write rate per container; a test counts what one create costs, which does not depend on the machine.
/// </summary>
public static class StoreMetrics
{
    public const string MeterName = "Aro.Persistence";
    public const string OperationsName = "aro.store.operations";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        OperationsName, unit: "{operation}", description: "SQLite commits and Cosmos DB requests, by store, kind and table or container.");

    internal static void Count(string store, string kind, string target) =>
        Operations.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("target", target));
}
