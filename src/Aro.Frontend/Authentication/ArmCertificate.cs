namespace Aro.Frontend.Authentication;

/// <summary>One certificate ARM publishes: its DER bytes and the window in which ARM uses it.</summary>
public sealed record ArmCertificate(string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter, byte[] RawData)
{
    public bool IsValidAt(DateTimeOffset now) => NotBefore <= now && now < NotAfter;

    public bool Matches(ReadOnlySpan<byte> rawData) => RawData.AsSpan().SequenceEqual(rawData);
}
