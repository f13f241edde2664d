namespace Aro.Persistence.Progress;

/// <summary>Where the backend's lifecycle of a cluster stands: the operation it runs, the last step it entered and how far it has come.</summary>
public sealed record OperationProgress(string OperationId, string Step, int PercentComplete);
