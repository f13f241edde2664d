using System.Net.Http;
using System.Net.Security;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace Aro.Cloud;

/// <summary>
/// The one HTTP handler ARM and Blob clients share: a <see cref="SocketsHttpHandler"/> keeps a pool of
/// connections per endpoint, so every call after the first reuses a TLS connection instead of opening (and
/// leaking to the finalizer) one per client. Connections are recycled every few minutes so DNS changes are seen.
/// </summary>
public sealed class CloudHttpTransport : IDisposable
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly SocketsHttpHandler _handler;

    public CloudHttpTransport(IOptions<CloudOptions> options)
    {
        _handler = new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime };
        if (options.Value.AllowUntrustedCertificates)
        {
            _handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        }

        Transport = new HttpClientTransport(_handler);
    }

    /// <summary>The Azure SDK transport over the shared handler, for every client's options.</summary>
    public HttpPipelineTransport Transport { get; }

    public void Dispose() => _handler.Dispose();
}
