using System.Security.Cryptography;
using System.Text;

namespace Aro.Orchestration;

/// <summary>
/// Message ids derived from what a message means (cluster, operation, step, attempt, message type), so the
/// same output emitted twice (a redelivered event, a repeated request) carries the same id and a receiver
/// or an operator can tell it is a duplicate. A retry after a timeout is a new attempt and so a new id.
/// </summary>
internal static class DeterministicMessageId
{
    public static Guid Create(Guid clusterId, string operationId, string step, int attempt, Type messageType)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{clusterId:D}\n{operationId}\n{step}\n{attempt}\n{messageType.FullName}"), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) with the RFC variant, so the value is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
