using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

/// <summary>
/// The admin CA when it does not come from ARO_ADMIN_CA_CERTIFICATE_FILE (the host reads it from Key Vault and replaces
/// it on rotation). A replacement drops the admin scheme's cached options, so the next request trusts the new CA.
/// </summary>
public sealed class AdminCertificateAuthority(IOptionsMonitorCache<CertificateAuthenticationOptions> cachedOptions)
{
    private volatile X509Certificate2? _current;

    /// <summary>The CA set by the host, or null when the file setting applies.</summary>
    public X509Certificate2? Current => _current;

    public void Replace(X509Certificate2 certificate)
    {
        if (_current?.RawData.AsSpan().SequenceEqual(certificate.RawData) == true)
        {
            return;
        }

        _current = certificate;
        cachedOptions.TryRemove(AdminCertificateAuthentication.Scheme);
    }
}
