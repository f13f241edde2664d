using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.AsyncOperations;

/// <summary>
/// Records a new long-running operation before the cluster document points at it, so that a status
/// URL handed to a client always resolves.
/// </summary>
internal sealed class AsyncOperationStarter(IAsyncOperationStore operations, IOptions<FrontendOptions> options, TimeProvider timeProvider)
{
    public async Task<AsyncOperationDocument> StartAsync(string subscriptionId, string clusterKey, ProvisioningState initialState, CancellationToken cancellationToken)
    {
        var operationId = Guid.NewGuid().ToString();
        var location = options.Value.Location;
        var document = new AsyncOperationDocument
        {
            Id = operationId,
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            OpenShiftClusterKey = clusterKey,
            InitialProvisioningState = initialState,
            AsyncOperation = new AsyncOperation
            {
                Id = $"/subscriptions/{subscriptionId}/providers/{ResourceProvider.Namespace}/locations/{location}/operationsstatus/{operationId}",
                Name = operationId,
                Status = initialState,
                StartTime = timeProvider.GetUtcNow(),
            },
        };

        return await operations.CreateAsync(document, cancellationToken);
    }
}
