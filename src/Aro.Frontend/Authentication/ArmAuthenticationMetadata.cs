using System.Globalization;
using System.Text.Json;

namespace Aro.Frontend.Authentication;

/// <summary>
/// Reads ARM's authentication metadata document: <c>{"clientCertificates": [{"thumbprint", "notBefore", "notAfter",
/// "certificate"}]}</c>, the certificate being base64 DER. Anything malformed is refused whole, so a bad answer never
/// replaces a good list with a partial one.
/// </summary>
public static class ArmAuthenticationMetadata
{
    public static IReadOnlyList<ArmCertificate> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("clientCertificates", out var certificates)
                || certificates.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The metadata has no clientCertificates array.");
            }

            return [.. certificates.EnumerateArray().Select(Read)];
        }
        catch (JsonException e)
        {
            throw new FormatException("The metadata is not JSON.", e);
        }
    }

    private static ArmCertificate Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A client certificate entry is not an object.");
        }

        var raw = Convert.FromBase64String(Text(element, "certificate"));
        return new ArmCertificate(
            Text(element, "thumbprint"),
            Instant(element, "notBefore"),
            Instant(element, "notAfter"),
            raw);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"A client certificate entry has no {name}.");

    private static DateTimeOffset Instant(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new FormatException($"A client certificate entry's {name} is not a date.");
}
