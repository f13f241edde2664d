using System.Collections.Concurrent;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>The audiences a connection proved access to over $cbs, each until its token expires.</summary>
internal sealed class ConnectionAuthorization
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _audiences = new(StringComparer.OrdinalIgnoreCase);

    public void Grant(string audience, DateTimeOffset until) => _audiences[Key(audience)] = until;

    /// <summary>Whether a live grant covers the entity path (a grant for the namespace covers every entity).</summary>
    public bool Allows(string entityPath, DateTimeOffset now)
    {
        var wanted = entityPath.Trim('/');
        foreach (var (granted, until) in _audiences)
        {
            if (until > now && (granted.Length == 0 || wanted.Equals(granted, StringComparison.OrdinalIgnoreCase)
                || wanted.StartsWith(granted + "/", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(string audience) =>
        Uri.TryCreate(audience, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath).Trim('/') : audience.Trim('/');
}
