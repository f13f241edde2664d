using Aro.Api.Resources;
using Aro.Persistence.Sagas;

namespace Aro.Persistence.Progress;

/// <summary>Reads an operation's progress from the lifecycle saga instance of its cluster: one point read.</summary>
internal sealed class SagaOperationProgressReader(ISagaInstanceStore<SagaProgressView> sagas) : IOperationProgressReader
{
    public async Task<OperationProgress?> GetAsync(string clusterResourceId, CancellationToken cancellationToken)
    {
        var instance = await sagas.LoadAsync(ClusterIdentity.FromResourceId(clusterResourceId), cancellationToken);
        return instance is { Step: { } step, PercentComplete: { } percentComplete } && !string.IsNullOrEmpty(instance.OperationId)
            ? new OperationProgress(instance.OperationId, step, percentComplete)
            : null;
    }
}
