using System.Text.RegularExpressions;

namespace Aro.Persistence.Secrets;

/// <summary>One AES-256 key of a key ring, named by the id that every value it seals carries.</summary>
public sealed partial class SecretKey
{
    public const int SizeInBytes = 32;

    private readonly byte[] _material;

    public SecretKey(string id, byte[] material)
    {
        // The id is embedded in "enc:v1:<keyId>:..." values, so it must not contain the separator.
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"The key id '{id}' may only contain letters, digits, '.', '_' and '-'.", nameof(id));
        }

        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A secret key has {SizeInBytes} bytes, not {material.Length}.", nameof(material));
        }

        Id = id;
        _material = material;
    }

    public string Id { get; }

    internal ReadOnlySpan<byte> Material => _material;

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public override string ToString() => Id;

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex IdPattern();
}
