using System.Security.Cryptography.X509Certificates;

namespace Aro.Frontend.Authentication;

/// <summary>
/// The certificates ARM published when last read, and when that was. Replaced whole on each good read, so a request
/// sees one consistent list; a failed read leaves the last good one in place.
/// </summary>
public sealed class ArmCertificateRegistry
{
    private volatile Snapshot _current = new([], null);

    public IReadOnlyList<ArmCertificate> Certificates => _current.Certificates;

    /// <summary>When the list was last read successfully; null until the first read.</summary>
    public DateTimeOffset? RefreshedAt => _current.RefreshedAt;

    public void Replace(IReadOnlyList<ArmCertificate> certificates, DateTimeOffset refreshedAt) =>
        _current = new Snapshot([.. certificates], refreshedAt);

    /// <summary>
    /// True when <paramref name="presented"/> is, byte for byte, a certificate ARM publishes and uses at
    /// <paramref name="now"/>, and the certificate itself has not expired. A thumbprint alone is not enough.
    /// </summary>
    public bool Accepts(X509Certificate2? presented, DateTimeOffset now) =>
        presented is not null
        && presented.NotBefore.ToUniversalTime() <= now.UtcDateTime
        && now.UtcDateTime < presented.NotAfter.ToUniversalTime()
        && _current.Certificates.Any(certificate => certificate.IsValidAt(now) && certificate.Matches(presented.RawData));

    /// <summary>True when <paramref name="presented"/> is one of ARM's, in or out of its window: never an operator's identity.</summary>
    public bool IsArmCertificate(X509Certificate2? presented) =>
        presented is not null && _current.Certificates.Any(certificate => certificate.Matches(presented.RawData));

    private sealed record Snapshot(IReadOnlyList<ArmCertificate> Certificates, DateTimeOffset? RefreshedAt);
}
