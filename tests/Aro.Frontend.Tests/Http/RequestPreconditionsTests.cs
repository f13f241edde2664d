using System.Net;
using Aro.Api;
using Aro.Frontend.Http;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Tests.Http;

public sealed class RequestPreconditionsTests
{
    private const string Current = "\"0123abcd\"";

    // If-Match, If-None-Match, the resource's ETag (null: absent), the header that fails (null: proceeds).
    public static TheoryData<string?, string?, string?, string?> Rows() => new()
    {
        { null, null, Current, null },
        { null, null, null, null },
        { "*", null, Current, null },
        { "*", null, null, "If-Match" },
        { Current, null, Current, null },
        { "\"stale\"", null, Current, "If-Match" },
        { $"\"stale\", {Current}", null, Current, null },
        { Current, null, null, "If-Match" },
        { "0123abcd", null, Current, null },
        { $"W/{Current}", null, Current, "If-Match" },
        { null, "*", null, null },
        { null, "*", Current, "If-None-Match" },
        { null, Current, Current, "If-None-Match" },
        { null, $"W/{Current}", Current, "If-None-Match" },
        { null, "\"other\"", Current, null },
        { null, Current, null, null },
        { Current, "*", Current, "If-None-Match" },

        // Sent empty: an empty list of ETags, which nothing matches (never "no condition").
        { "", null, Current, "If-Match" },
        { "", null, null, "If-Match" },
        { " , ", null, Current, "If-Match" },
        { null, "", Current, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Conditions_hold_or_fail_as_RFC_9110_says(string? ifMatch, string? ifNoneMatch, string? current, string? failingHeader)
    {
        var http = new DefaultHttpContext().Request;
        if (ifMatch is not null)
        {
            http.Headers.IfMatch = ifMatch;
        }

        if (ifNoneMatch is not null)
        {
            http.Headers.IfNoneMatch = ifNoneMatch;
        }

        var preconditions = RequestPreconditions.Of(http);
        var error = Record.Exception(() => preconditions.Check(current));

        if (failingHeader is null)
        {
            Assert.Null(error);
            return;
        }

        var cloudError = Assert.IsType<CloudError>(error);
        Assert.Equal(HttpStatusCode.PreconditionFailed, cloudError.StatusCode);
        Assert.Equal("PreconditionFailed", cloudError.Body.Code);
        Assert.Equal(failingHeader, cloudError.Body.Target);
        Assert.Equal($"The condition '{(failingHeader == "If-Match" ? ifMatch : ifNoneMatch)}' specified in the {failingHeader} header is not met by the current state of the resource.", cloudError.Body.Message);
    }
}
