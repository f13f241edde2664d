using Serilog;

namespace Aro.Rp.Hosting;

/// <summary>
/// The ids ARM and its callers quote in a support case, on every request's completion line: the RP's own
/// x-ms-request-id (returned to the caller), ARM's x-ms-correlation-request-id and the caller's x-ms-client-request-id.
/// </summary>
internal static class ArmRequestIds
{
    public static void Enrich(IDiagnosticContext diagnostics, HttpContext http)
    {
        diagnostics.Set("RequestId", http.Response.Headers["x-ms-request-id"].ToString());
        diagnostics.Set("CorrelationRequestId", http.Request.Headers["x-ms-correlation-request-id"].ToString());
        diagnostics.Set("ClientRequestId", http.Request.Headers["x-ms-client-request-id"].ToString());
    }
}
