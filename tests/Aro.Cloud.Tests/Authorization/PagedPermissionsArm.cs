using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aro.Cloud.Tests.Authorization;

/// <summary>
/// An ARM on 127.0.0.1 over HTTPS whose permissions answer has two pages: the first's nextLink is whatever the test
/// makes of the ARM's own address. Records every path it is asked for, so a test sees where a token was sent.
/// </summary>
internal sealed class PagedPermissionsArm : IAsyncDisposable
{
    public const string SecondPagePath = "/second-page";

    private readonly WebApplication _app;

    private PagedPermissionsArm(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<string> RequestedPaths { get; } = new();

    /// <param name="nextLink">The first page's nextLink, given this ARM's endpoint.</param>
    public static async Task<PagedPermissionsArm> StartAsync(Func<Uri, string> nextLink)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSignedCertificate())));
        var app = builder.Build();
        PagedPermissionsArm? arm = null;
        app.Run(async context =>
        {
            arm!.RequestedPaths.Enqueue(context.Request.Path);
            var secondPage = context.Request.Path == SecondPagePath;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject
                {
                    ["actions"] = new JsonArray(secondPage ? "Microsoft.Network/virtualNetworks/join/action" : "Microsoft.Network/virtualNetworks/read"),
                    ["notActions"] = new JsonArray(),
                }),
                ["nextLink"] = secondPage ? null : nextLink(arm.Endpoint),
            });
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;
        arm = new PagedPermissionsArm(app, new Uri($"https://127.0.0.1:{port}/"));
        return arm;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Exported and loaded again: a TLS server needs a key it can use after the ephemeral one is gone.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
