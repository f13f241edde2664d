using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Http;

/// <summary>
/// The ETag response header of a cluster: the stored document's ETag (already quoted), so that what a client
/// read can be sent back in If-Match. Neither api-version's swagger has an etag property, so it is not in the body.
/// </summary>
internal static class ETagHeader
{
    public static void Write(HttpResponse response, string? etag)
    {
        if (!string.IsNullOrEmpty(etag))
        {
            response.Headers.ETag = etag;
        }
    }
}
