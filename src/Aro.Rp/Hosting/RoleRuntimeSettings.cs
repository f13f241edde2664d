namespace Aro.Rp.Hosting;

/// <summary>
/// Settings of the .NET runtime that a deployment gives one role of the RP (infra/modules/apps.bicep,
/// docker-compose.yml). The runtime reads them before aro-rp starts, and one image serves every role, so they are
/// environment variables of that role's container rather than the app's runtimeconfig (ADR 0007).
/// </summary>
internal static class RoleRuntimeSettings
{
    /// <summary>
    /// The backend compiles each method once, optimized, instead of a quick version first and an optimized, profiled one
    /// later: with 1,000 creates in flight it held about 30 MB less code at no measured CPU cost, since its work waits on
    /// the cloud. The frontend keeps tiered compilation and its profile-guided code, which the read path needs.
    /// The backend's garbage collector also works in 1 MB regions instead of 4 MB (a hexadecimal value, as the runtime
    /// reads its environment): its live heap is small (about 14 MB in flight), and smaller regions left 5–10 MB less of
    /// the collector's range resident in flight and settled.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Backend { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredCompilation"] = "0",
        ["DOTNET_GCRegionSize"] = "0x100000",
    };
}
