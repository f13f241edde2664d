using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aro.Consumers.Tests.Pki;

/// <summary>Chain building against a cluster CA only, as a Kubernetes client or server does it.</summary>
internal static class Certificates
{
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>Builds the chain of <paramref name="leaf"/> to <paramref name="root"/> for <paramref name="usage"/>; returns the problems, empty when it validates.</summary>
    public static string ChainProblems(X509Certificate2 leaf, X509Certificate2 root, string usage)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));
        var valid = chain.Build(leaf);
        var problems = string.Join("; ", chain.ChainStatus.Select(status => $"{status.Status}: {status.StatusInformation}"));
        return valid && chain.ChainElements[^1].Certificate.Thumbprint == root.Thumbprint ? "" : "chain did not validate: " + problems;
    }
}
