namespace Aro.Orchestration;

/// <summary>
/// The saga's own reminder, scheduled whenever a step's command goes out. It only counts while the instance
/// is still at that operation, step and attempt; anything else is a reminder that outlived its step.
/// </summary>
public sealed record ClusterStepTimedOut(Guid ClusterId, string OperationId, string Step, int Attempt);
