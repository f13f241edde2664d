using Aro.Frontend.Http;
using Microsoft.AspNetCore.Http;

namespace Aro.Frontend.Operations;

/// <summary>GET /providers/Microsoft.RedHatOpenShift/operations: what this api-version lets callers do.</summary>
internal static class OperationsList
{
    public static IResult Handle(ArmRequest request) => ArmResults.Json(request.Api.WriteOperations());
}
