using System.Text.Json;
using Aro.Api.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Frontend.Http;

/// <summary>
/// Reads ARM's x-ms-arm-resource-system-data header (a JSON object: createdBy, createdByType, createdAt,
/// lastModifiedBy, lastModifiedByType, lastModifiedAt). It is metadata ARM adds, not the caller's request, so a
/// malformed value is logged and ignored: it must never fail the write.
/// </summary>
internal static partial class SystemDataHeader
{
    public const string Name = "x-ms-arm-resource-system-data";

    /// <summary>The header's systemData; null when it is absent or unreadable.</summary>
    public static SystemData? Read(HttpRequest request, ILogger logger)
    {
        var value = request.Headers[Name].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                LogIgnored(logger, $"expected a JSON object, got {document.RootElement.ValueKind}");
                return null;
            }

            return document.RootElement.Deserialize<SystemData>(ArmJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            LogIgnored(logger, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a malformed " + Name + " header: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
