using Aro.Api;
using Aro.Frontend.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.Authentication;

/// <summary>
/// Decides, before anything else reads the request, who is calling: the health endpoints are open; <c>/admin</c>
/// needs the operators' certificate; everything else needs one of ARM's (unless the check is off, in development).
/// A refusal is a 403 CloudError Forbidden and the request goes no further. ARM's certificate never opens the admin
/// API and the admin certificate never passes as ARM (it is not in ARM's published list).
/// </summary>
public sealed partial class ClientCertificateAuthorizationMiddleware(
    RequestDelegate next,
    ArmCertificateRegistry armCertificates,
    IOptions<ArmAuthenticationOptions> armOptions,
    TimeProvider timeProvider,
    ILogger<ClientCertificateAuthorizationMiddleware> logger)
{
    public static readonly PathString AdminPath = new("/admin");

    private static readonly PathString Liveness = new("/healthz");
    private static readonly PathString Readiness = new("/healthz/ready");

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals(Liveness, StringComparison.OrdinalIgnoreCase) || path.Equals(Readiness, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (path.StartsWithSegments(AdminPath, StringComparison.OrdinalIgnoreCase))
        {
            var result = await context.AuthenticateAsync(AdminCertificateAuthentication.Scheme);
            if (!result.Succeeded || armCertificates.IsArmCertificate(certificate))
            {
                LogAdminRefused(logger, context.Request.Method, path, certificate?.Subject ?? "(none)", result.Failure?.Message ?? (result.Succeeded ? "an ARM certificate" : "no certificate"));
                await ForbidAsync(context);
                return;
            }

            context.User = result.Principal!;
            LogAdminCall(logger, context.Request.Method, path, certificate!.Subject, certificate.Thumbprint);
            await next(context);
            return;
        }

        if (armOptions.Value.RequireClientCertificate && !armCertificates.Accepts(certificate, timeProvider.GetUtcNow()))
        {
            LogArmRefused(logger, context.Request.Method, path, certificate?.Subject ?? "(none)", certificate?.Thumbprint ?? "");
            await ForbidAsync(context);
            return;
        }

        await next(context);
    }

    private static Task ForbidAsync(HttpContext context) =>
        CloudErrorResponse.WriteAsync(context, StatusCodes.Status403Forbidden, new CloudErrorBody(CloudErrorCodes.Forbidden, "Forbidden."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin call {Method} {Path} by {CertificateSubject} ({CertificateThumbprint})")]
    private static partial void LogAdminCall(ILogger logger, string method, PathString path, string certificateSubject, string certificateThumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin call {Method} {Path} refused for certificate {CertificateSubject}: {Reason}")]
    private static partial void LogAdminRefused(ILogger logger, string method, PathString path, string certificateSubject, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ARM call {Method} {Path} refused: certificate {CertificateSubject} {CertificateThumbprint} is not a current ARM certificate")]
    private static partial void LogArmRefused(ILogger logger, string method, PathString path, string certificateSubject, string certificateThumbprint);
}
