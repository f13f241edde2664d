using System.Net;
using Aro.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aro.Frontend.Http;

/// <summary>
/// The conditional headers of a write (ARM RPC, RFC 9110 §13): If-Match "*" needs the resource to exist,
/// If-Match with ETags needs its current ETag among them (strong comparison); If-None-Match "*" needs it absent
/// (create only), If-None-Match with ETags needs its ETag not among them. A failed condition is 412
/// PreconditionFailed with the header as target. Handlers check the document each conditional write replaces,
/// on every attempt, so a change that slips in between the check and the write makes the write fail and the
/// re-check answer 412 rather than overwrite it.
/// </summary>
internal sealed class RequestPreconditions
{
    private readonly EntityTags? _ifMatch;
    private readonly EntityTags? _ifNoneMatch;

    private RequestPreconditions(EntityTags? ifMatch, EntityTags? ifNoneMatch)
    {
        _ifMatch = ifMatch;
        _ifNoneMatch = ifNoneMatch;
    }

    /// <summary>Whether the request only proceeds on an existing resource (If-Match present).</summary>
    public bool RequireExisting => _ifMatch is not null;

    public static RequestPreconditions Of(HttpRequest request) =>
        new(EntityTags.Parse(request.Headers.IfMatch), EntityTags.Parse(request.Headers.IfNoneMatch));

    /// <param name="currentETag">The ETag of the resource as it is now; null when it does not exist.</param>
    /// <exception cref="CloudError">412 PreconditionFailed.</exception>
    public void Check(string? currentETag)
    {
        if (_ifMatch is { } ifMatch && (currentETag is null || !(ifMatch.Any || ifMatch.ContainsStrong(currentETag))))
        {
            throw Failed(HeaderNames.IfMatch, ifMatch);
        }

        if (_ifNoneMatch is { } ifNoneMatch && currentETag is not null && (ifNoneMatch.Any || ifNoneMatch.ContainsWeak(currentETag)))
        {
            throw Failed(HeaderNames.IfNoneMatch, ifNoneMatch);
        }
    }

    private static CloudError Failed(string header, EntityTags tags) =>
        new(HttpStatusCode.PreconditionFailed, CloudErrorCodes.PreconditionFailed, header,
            $"The condition '{tags}' specified in the {header} header is not met by the current state of the resource.");
}
