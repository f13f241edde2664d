using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Clusters;

internal static partial class SupersessionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Step} of {ResourceId}: its operation {OperationId} no longer acts on the cluster (current operation: {CurrentOperationId})")]
    public static partial void StepSkipped(ILogger logger, string step, string resourceId, string operationId, string currentOperationId);
}
