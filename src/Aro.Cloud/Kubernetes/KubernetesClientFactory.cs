using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Kubernetes;

/// <summary>
/// The KubernetesClient for one cluster (the local cloud's per-cluster API, or the cluster's own API server),
/// built once and shared by every call to that cluster: each client owns an HTTP handler and its pool of
/// connections, so building one per call opened a new TLS connection per call. A client nobody used for
/// <see cref="IdleLifetime"/> is disposed, so nothing per cluster outlives the operations that use it: on the next call
/// for any cluster, and by a sweep every <see cref="IdleLifetime"/>, since after a burst of creates there may be no next
/// call (1,000 settled creates kept 1,000 clients, each with its handler and TLS connection).
/// </summary>
public sealed class KubernetesClientFactory : IDisposable
{
    /// <summary>Longer than any single call (KubernetesClient's own timeout is 100 s), so no client is disposed while in use.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(5);

    private readonly CloudOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, SharedClient> _clients = new(StringComparer.Ordinal);
    private readonly ITimer _sweep;

    public KubernetesClientFactory(IOptions<CloudOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _sweep = timeProvider.CreateTimer(_ => DisposeIdle(_timeProvider.GetUtcNow()), null, IdleLifetime, IdleLifetime);
    }

    /// <summary>How many clients are kept (for tests).</summary>
    internal int Count => _clients.Count;

    /// <summary>The shared client for <paramref name="cluster"/>; callers must not dispose it.</summary>
    public IKubernetes For(KubernetesClusterTarget cluster)
    {
        var now = _timeProvider.GetUtcNow();
        DisposeIdle(now);
        var configuration = _options.KubernetesEndpoint is { } template
            ? Local(template, cluster)
            : Remote(cluster);
        var shared = _clients.GetOrAdd(Identity(configuration), _ => new SharedClient(new k8s.Kubernetes(configuration)));
        shared.Touch(now);
        return shared.Client;
    }

    public void Dispose()
    {
        _sweep.Dispose();
        foreach (var key in _clients.Keys)
        {
            if (_clients.TryRemove(key, out var shared))
            {
                shared.Client.Dispose();
            }
        }
    }

    private void DisposeIdle(DateTimeOffset now)
    {
        foreach (var (key, shared) in _clients)
        {
            if (now - shared.LastUsed > IdleLifetime && _clients.TryRemove(key, out var removed))
            {
                removed.Client.Dispose();
            }
        }
    }

    /// <summary>What makes two configurations the same client: endpoint, credentials and trust (hashed, so no key material is kept as a dictionary key).</summary>
    private static string Identity(KubernetesClientConfiguration configuration)
    {
        var trust = string.Join(",", configuration.SslCaCerts?.Select(c => c.Thumbprint) ?? []);
        var identity = string.Join("\n", configuration.Host, configuration.AccessToken, configuration.ClientCertificateData,
            configuration.ClientCertificateKeyData, configuration.SkipTlsVerify, trust);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    private KubernetesClientConfiguration Local(string template, KubernetesClusterTarget cluster)
    {
        var arm = (_options.ArmEndpoint?.ToString() ?? "").TrimEnd('/');
        var host = template
            .Replace("{arm}", arm, StringComparison.Ordinal)
            .Replace("{clusterResourceGroup}", cluster.ClusterResourceGroupName.ToLowerInvariant(), StringComparison.Ordinal);
        return new KubernetesClientConfiguration
        {
            Host = host,
            AccessToken = "local-cloud-token",
            SkipTlsVerify = _options.AllowUntrustedCertificates,
        };
    }

    private static KubernetesClientConfiguration Remote(KubernetesClusterTarget cluster)
    {
        if (cluster.ApiServerUrl is null || cluster.ClientCertificatePem is null || cluster.ClientKeyPem is null)
        {
            throw new InvalidOperationException("The cluster's API server URL and admin client certificate are not known yet.");
        }

        var configuration = new KubernetesClientConfiguration
        {
            Host = cluster.ApiServerUrl,
            ClientCertificateData = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.ClientCertificatePem)),
            ClientCertificateKeyData = Convert.ToBase64String(Encoding.UTF8.GetBytes(cluster.ClientKeyPem)),
        };
        if (cluster.CaCertificatePem is not null)
        {
            configuration.SslCaCerts = [X509Certificate2.CreateFromPem(cluster.CaCertificatePem)];
        }

        return configuration;
    }

    private sealed class SharedClient(k8s.Kubernetes client)
    {
        public k8s.Kubernetes Client { get; } = client;

        private long _lastUsedTicks;

        public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
    }
}
