using System.Security.Cryptography.X509Certificates;
using Aro.Persistence.Secrets;

namespace Aro.Rp.KeyVault;

/// <summary>What one read of the RP's Key Vault yields: the serving certificate with its key, the admin CA, the sealing keys oldest first.</summary>
internal sealed record KeyVaultMaterial(X509Certificate2 ServingCertificate, X509Certificate2 AdminCa, IReadOnlyList<SecretKey> SealingKeys);
