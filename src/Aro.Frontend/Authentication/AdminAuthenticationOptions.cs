namespace Aro.Frontend.Authentication;

/// <summary>
/// Who may call the admin API (section "AdminAuthentication"): a client certificate that chains to
/// <see cref="CaCertificateFile"/>, carries the client-authentication EKU and whose subject common name is exactly
/// <see cref="ClientCertificateSubject"/>. Without both settings nobody may. With ARO_KEYVAULT_URL the CA comes from
/// Key Vault instead of the file (<see cref="AdminCertificateAuthority"/>).
/// </summary>
public sealed class AdminAuthenticationOptions
{
    public const string SectionName = "AdminAuthentication";

    /// <summary>The operators' certificate authority, PEM or DER: the only root admin certificates may chain to.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>The exact subject common name of the admin client certificate, e.g. aro-admin.</summary>
    public string? ClientCertificateSubject { get; set; }
}
