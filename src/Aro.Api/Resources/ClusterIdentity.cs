using System.Security.Cryptography;
using System.Text;

namespace Aro.Api.Resources;

/// <summary>
/// Derives a stable Guid from a cluster's resource id, so every process (frontend, saga, reconciler)
/// names the same cluster lifecycle with the same id without coordinating.
/// </summary>
public static class ClusterIdentity
{
    // A fixed namespace for RFC 4122 name-based (version 5) ids of ARO clusters.
    private static readonly Guid ClusterNamespace = new("5f0e3a1c-9a43-4d4e-8f5e-0b6f5a3d2c71");

    public static Guid FromResourceId(string resourceId)
    {
        var name = Encoding.UTF8.GetBytes(resourceId.ToLowerInvariant());
        var namespaceBytes = ClusterNamespace.ToByteArray(bigEndian: true);

        Span<byte> input = new byte[namespaceBytes.Length + name.Length];
        namespaceBytes.CopyTo(input);
        name.CopyTo(input[namespaceBytes.Length..]);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);

        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
