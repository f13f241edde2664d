using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.Options;

namespace Aro.Frontend.AsyncOperations;

/// <summary>
/// A new long-running operation, recorded no later than the cluster document that points at it, so that a status
/// URL handed to a client always resolves.
/// </summary>
internal sealed class AsyncOperationStarter(IAsyncOperationStore operations, IOptions<FrontendOptions> options, TimeProvider timeProvider)
{
    /// <summary>Records the operation on its own, before the cluster is changed to point at it.</summary>
    public async Task<AsyncOperationDocument> StartAsync(string subscriptionId, string clusterKey, ProvisioningState initialState, CancellationToken cancellationToken) =>
        await operations.CreateAsync(New(subscriptionId, clusterKey, initialState), cancellationToken);

    /// <summary>The operation's document, for the store to record with the cluster write that points at it (<see cref="IOpenShiftClusterStore.WriteWithNewOperationAsync"/>).</summary>
    public AsyncOperationDocument New(string subscriptionId, string clusterKey, ProvisioningState initialState)
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

        return document;
    }
}
