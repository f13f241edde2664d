using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.Hosting;

/// <summary>
/// Counts the requests clients made to the emulator's own server (ARM, blobs, Entra, the clusters' Kubernetes APIs;
/// not its <c>/_localcloud</c> admin API), so a test can assert how many round trips a create costs, as
/// <see cref="ConnectionCounter"/> does for connections. A host that mounts the emulator into its own pipeline does
/// not count.
/// </summary>
public sealed class RequestCounter
{
    private static readonly PathString AdminPath = new("/_localcloud");

    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    internal void OnRequest(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(AdminPath, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _requests);
        }
    }
}
