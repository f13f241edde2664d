using System.Security.Cryptography;
using System.Text;

namespace Aro.Api.Resources;

/// <summary>
/// The prefix of every cloud resource a cluster owns, e.g. <c>mycluster-x7k2p</c>. It is derived from the
/// resource id alone, so every step (and every retry of it, in any process) names the same resources
/// without having to read what another step wrote first.
/// </summary>
public static class InfraId
{
    private const int MaxNameLength = 20;
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string For(string resourceId)
    {
        var lowered = resourceId.ToLowerInvariant();
        var name = lowered[(lowered.LastIndexOf('/') + 1)..];
        var prefix = new string(name.Where(char.IsAsciiLetterOrDigit).Take(MaxNameLength).ToArray());
        if (prefix.Length == 0)
        {
            prefix = "aro";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(lowered));
        var suffix = new StringBuilder(5);
        for (var i = 0; i < 5; i++)
        {
            suffix.Append(SuffixAlphabet[hash[i] % SuffixAlphabet.Length]);
        }

        return $"{prefix}-{suffix}";
    }
}
