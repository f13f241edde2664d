using Aro.Api.Model;
using Aro.Api.Resources;
using Aro.Contracts;

namespace Aro.Persistence.Documents;

/// <summary>
/// The request message of the operation a committed cluster document records, built in one place for the frontend,
/// which publishes it once the document is committed, and the reconciler, which publishes it again when the
/// operation shows no progress.
/// </summary>
public static class ClusterOperationRequests
{
    /// <summary>
    /// The request the document's provisioning state stands for. Which kind of update it was does not show there and
    /// does not matter: the saga re-emits its current operation, and a saga that lost it reconciles the worker count,
    /// all an update can change.
    /// </summary>
    public static IClusterOperationMessage Of(OpenShiftClusterDocument document, DateTimeOffset requestedAt) =>
        document.OpenShiftCluster.Properties.ProvisioningState switch
        {
            ProvisioningState.Creating => Create(document, requestedAt),
            ProvisioningState.Deleting => Delete(document, requestedAt),
            _ => Update(document, requestedAt),
        };

    public static ClusterCreateRequested Create(OpenShiftClusterDocument document, DateTimeOffset requestedAt) =>
        new(ClusterIdOf(document), document.OpenShiftCluster.Id, OperationIdOf(document), requestedAt);

    public static ClusterUpdateRequested Update(OpenShiftClusterDocument document, DateTimeOffset requestedAt) =>
        new(ClusterIdOf(document), document.OpenShiftCluster.Id, OperationIdOf(document), document.OpenShiftCluster.Properties.WorkerCount(), requestedAt);

    public static ClusterScaleRequested Scale(OpenShiftClusterDocument document, DateTimeOffset requestedAt) =>
        new(ClusterIdOf(document), document.OpenShiftCluster.Id, OperationIdOf(document), document.OpenShiftCluster.Properties.WorkerCount(), requestedAt);

    public static ClusterDeleteRequested Delete(OpenShiftClusterDocument document, DateTimeOffset requestedAt) =>
        new(ClusterIdOf(document), document.OpenShiftCluster.Id, OperationIdOf(document), requestedAt);

    private static Guid ClusterIdOf(OpenShiftClusterDocument document) => ClusterIdentity.FromResourceId(document.OpenShiftCluster.Id);

    private static string OperationIdOf(OpenShiftClusterDocument document) =>
        document.AsyncOperationId ?? throw new InvalidOperationException($"The cluster '{document.OpenShiftCluster.Id}' records no operation to request.");
}
