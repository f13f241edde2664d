namespace Aro.Api.Versioning;

/// <summary>The api-versions this RP serves, registered explicitly (no static initialisers).</summary>
public sealed class ApiVersionRegistry
{
    private readonly Dictionary<string, IOpenShiftClusterApi> _versions;

    public ApiVersionRegistry(IEnumerable<IOpenShiftClusterApi> versions)
    {
        _versions = versions.ToDictionary(v => v.ApiVersion, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> ApiVersions => _versions.Keys;

    /// <summary>api-version values are matched exactly, as ARM does.</summary>
    public bool TryGet(string? apiVersion, out IOpenShiftClusterApi api)
    {
        if (apiVersion is not null && _versions.TryGetValue(apiVersion, out var found))
        {
            api = found;
            return true;
        }

        api = null!;
        return false;
    }

    /// <summary>The versions served by default: 2019-12-31-preview and 2020-04-30.</summary>
    public static ApiVersionRegistry CreateDefault() => new(
    [
        new V20191231Preview.OpenShiftClusterApi(),
        new V20200430.OpenShiftClusterApi(),
    ]);
}
