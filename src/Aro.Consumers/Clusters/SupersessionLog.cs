using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Clusters;

internal static partial class SupersessionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Step} of {ResourceId} does nothing: its operation {OperationId} no longer acts on the cluster (current operation: {CurrentOperationId})")]
    public static partial void StepDoesNothing(ILogger logger, string step, string resourceId, string operationId, string currentOperationId);
}
