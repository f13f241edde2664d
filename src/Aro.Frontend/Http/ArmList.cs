using System.Diagnostics;
using System.Text.Json;

namespace Aro.Frontend.Http;

/// <summary>
/// ARM's page of a list, the same in every api-version: <c>{"value":[...],"nextLink":"..."}</c>, nextLink left out on
/// the last page; here put together from each item's JSON, made before (<see cref="Clusters.ClusterJsonCache"/>), into
/// one array of the exact size, so that the page is answered with its length and can be kept as it is. What a
/// Utf8JsonWriter would write.
/// </summary>
internal static class ArmList
{
    public static byte[] Json(IReadOnlyList<byte[]> items, string? nextLink)
    {
        ReadOnlySpan<byte> start = "{\"value\":["u8;
        ReadOnlySpan<byte> startNextLink = "],\"nextLink\":\""u8;
        ReadOnlySpan<byte> endNextLink = "\"}"u8;
        ReadOnlySpan<byte> end = "]}"u8;
        var link = nextLink is null ? ReadOnlySpan<byte>.Empty : JsonEncodedText.Encode(nextLink, ArmJson.Options.Encoder).EncodedUtf8Bytes;

        var length = start.Length + Math.Max(0, items.Count - 1) + items.Sum(item => item.Length)
            + (nextLink is null ? end.Length : startNextLink.Length + link.Length + endNextLink.Length);
        var buffer = GC.AllocateUninitializedArray<byte>(length);
        var written = Append(buffer, 0, start);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                buffer[written++] = (byte)',';
            }

            written = Append(buffer, written, items[i]);
        }

        written = nextLink is null
            ? Append(buffer, written, end)
            : Append(buffer, Append(buffer, Append(buffer, written, startNextLink), link), endNextLink);
        Debug.Assert(written == length, "The page's length was counted as it is written.");
        return buffer;
    }

    private static int Append(byte[] buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(at));
        return at + bytes.Length;
    }
}
