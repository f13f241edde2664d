namespace Aro.Api.Model;

/// <summary>
/// The cluster's certificate authority and the certificates the RP issues from it, PEM-encoded.
/// Kept so that regenerating Ignition after a crash reuses the same CA instead of minting a second one.
/// </summary>
public sealed class ClusterPki
{
    public string RootCaCertificatePem { get; set; } = "";

    [Secret]
    public string? RootCaKeyPem { get; set; }

    public string ApiServerCertificatePem { get; set; } = "";

    [Secret]
    public string? ApiServerKeyPem { get; set; }

    public string AdminClientCertificatePem { get; set; } = "";

    [Secret]
    public string? AdminClientKeyPem { get; set; }
}
