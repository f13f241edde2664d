namespace Aro.Persistence.Progress;

/// <summary>
/// Progress for a host with no lifecycle saga to read it from: none on record, so operationsstatus shows the
/// operation's status without a step. <see cref="OperationProgressRegistrationExtensions.AddSagaOperationProgress{TSaga}"/>
/// replaces it.
/// </summary>
public sealed class NoOperationProgress : IOperationProgressReader
{
    public Task<OperationProgress?> GetAsync(string clusterResourceId, CancellationToken cancellationToken) =>
        Task.FromResult<OperationProgress?>(null);
}
