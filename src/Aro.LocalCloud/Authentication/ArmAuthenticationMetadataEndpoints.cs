using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aro.LocalCloud.Authentication;

/// <summary>
/// ARM's <c>GET /metadata/authentication?api-version=2015-01-01</c>: the client certificates it calls RPs with
/// (thumbprint, notBefore, notAfter, base64 DER). And, for developers and out-of-process tests, the current one with
/// its key at <c>/_localcloud/arm-client-certificate</c> (PKCS#12), to call an RP in production mode as ARM would.
/// </summary>
internal static class ArmAuthenticationMetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metadata/authentication", async (HttpContext context, ArmClientCertificates certificates) =>
        {
            var list = new JsonArray();
            foreach (var certificate in certificates.Published)
            {
                list.Add(Describe(certificate));
            }

            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["clientCertificates"] = list });
        });
        endpoints.MapGet("/_localcloud/arm-client-certificate", (ArmClientCertificates certificates) =>
            Results.File(certificates.Current.Export(X509ContentType.Pkcs12), "application/x-pkcs12", "arm-client-certificate.pfx"));
    }

    private static JsonObject Describe(X509Certificate2 certificate) => new()
    {
        ["thumbprint"] = certificate.Thumbprint,
        ["notBefore"] = certificate.NotBefore.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["notAfter"] = certificate.NotAfter.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["certificate"] = Convert.ToBase64String(certificate.RawData),
    };
}
