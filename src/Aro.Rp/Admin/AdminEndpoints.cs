using System.Net;
using System.Text;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Frontend.Admin;
using Aro.Orchestration;
using Aro.Persistence.Documents;
using Aro.Persistence.Sagas;
using Aro.Persistence.Stores;

namespace Aro.Rp.Admin;

/// <summary>
/// The operators' API under /admin, reachable only with the admin client certificate (checked before routing, by
/// ClientCertificateAuthorizationMiddleware, which also logs every call with the certificate's subject).
/// </summary>
internal static class AdminEndpoints
{
    private const string Cluster = "/admin/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{resourceName}";

    public static IServiceCollection AddAroAdmin(this IServiceCollection services) =>
        services.AddSingleton<AdminDeadLetters>();

    public static IEndpointRouteBuilder MapAroAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Cluster, GetClusterAsync).WithName("Admin_GetCluster");
        endpoints.MapPost(Cluster + "/listAdminCredentials", ListAdminCredentialsAsync).WithName("Admin_ListAdminCredentials");
        endpoints.MapPost(Cluster + "/retryDeletion", RetryDeletionAsync).WithName("Admin_RetryDeletion");
        endpoints.MapGet("/admin/deadLetters", (AdminDeadLetters deadLetters, string? queue, string? messageId, CancellationToken cancellationToken) =>
            ListDeadLettersAsync(deadLetters, queue, messageId, cancellationToken)).WithName("Admin_ListDeadLetters");
        endpoints.MapGet("/admin/deadLetters/{queue}/{messageId}", ShowDeadLetterAsync).WithName("Admin_ShowDeadLetter");
        endpoints.MapPost("/admin/deadLetters/{queue}/requeue", async (AdminDeadLetters deadLetters, string queue, string? messageId, CancellationToken cancellationToken) =>
            Results.Json(new { requeued = await deadLetters.RequeueAsync(queue, messageId, cancellationToken) })).WithName("Admin_RequeueDeadLetters");
        endpoints.MapDelete("/admin/deadLetters/{queue}", async (AdminDeadLetters deadLetters, string queue, string? messageId, CancellationToken cancellationToken) =>
            Results.Json(new { purged = await deadLetters.PurgeAsync(queue, messageId, cancellationToken) })).WithName("Admin_PurgeDeadLetters");
        return endpoints;
    }

    private static async Task<IResult> GetClusterAsync(
        string subscriptionId,
        string resourceGroupName,
        string resourceName,
        IOpenShiftClusterStore clusters,
        IAsyncOperationStore operations,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var document = await ReadClusterAsync(clusters, subscriptionId, resourceGroupName, resourceName, cancellationToken);
        var operation = document.AsyncOperationId is { } operationId
            ? await operations.GetAsync(document.PartitionKey, operationId, cancellationToken)
            : null;

        // The saga lives with the backend; a frontend-only process cannot see it.
        var sagas = services.GetService<ISagaInstanceStore<ClusterLifecycleState>>();
        var saga = sagas is null ? null : await sagas.LoadAsync(ClusterIdentity.FromResourceId(document.OpenShiftCluster.Id), cancellationToken);
        var view = new ClusterInternalView(
            document,
            operation,
            saga is null ? null : ClusterSagaView.From(saga),
            sagas is null ? "This process runs no backend (Rp:Components=frontend): ask an all-in-one or backend process." : saga is null ? "No saga instance: the cluster has no operation in flight or its saga finished." : null);
        return Results.Json(view, SecretFreeJson.Options);
    }

    private static async Task<IResult> ListAdminCredentialsAsync(
        string subscriptionId,
        string resourceGroupName,
        string resourceName,
        IOpenShiftClusterStore clusters,
        CancellationToken cancellationToken)
    {
        var document = await ReadClusterAsync(clusters, subscriptionId, resourceGroupName, resourceName, cancellationToken);
        var kubeconfig = document.OpenShiftCluster.Properties.Credentials?.AdminKubeconfig
            ?? throw new CloudError(HttpStatusCode.Conflict, CloudErrorCodes.RequestNotAllowed, null, "The cluster has no admin kubeconfig yet: its credentials are issued at the end of a create.");

        // As the reference RP's listAdminCredentials: the kubeconfig file, base64-encoded.
        return Results.Json(new { kubeconfig = Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig)) });
    }

    private static async Task<IResult> RetryDeletionAsync(
        string subscriptionId,
        string resourceGroupName,
        string resourceName,
        FailedClusterDeletion deletion,
        CancellationToken cancellationToken)
    {
        var operationId = await deletion.RetryAsync(subscriptionId.ToLowerInvariant(), ClusterKey(subscriptionId, resourceGroupName, resourceName), cancellationToken);
        return Results.Json(new { operationId }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListDeadLettersAsync(AdminDeadLetters deadLetters, string? queue, string? messageId, CancellationToken cancellationToken) =>
        Results.Json(new { value = await deadLetters.ListAsync(queue, messageId, cancellationToken) });

    private static async Task<IResult> ShowDeadLetterAsync(AdminDeadLetters deadLetters, string queue, string messageId, CancellationToken cancellationToken) =>
        await deadLetters.ShowAsync(queue, messageId, cancellationToken) is { } deadLetter
            ? Results.Json(deadLetter)
            : throw new CloudError(HttpStatusCode.NotFound, CloudErrorCodes.NotFound, null, $"No dead letter {messageId} in {queue}.");

    private static async Task<OpenShiftClusterDocument> ReadClusterAsync(
        IOpenShiftClusterStore clusters,
        string subscriptionId,
        string resourceGroupName,
        string resourceName,
        CancellationToken cancellationToken) =>
        await clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(subscriptionId), ClusterKey(subscriptionId, resourceGroupName, resourceName), cancellationToken)
            ?? throw new CloudError(HttpStatusCode.NotFound, CloudErrorCodes.ResourceNotFound, null,
                $"The Resource 'microsoft.redhatopenshift/openshiftclusters/{resourceName}' under resource group '{resourceGroupName}' was not found.");

    private static string ClusterKey(string subscriptionId, string resourceGroupName, string resourceName) =>
        OpenShiftClusterDocument.KeyFor($"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{ResourceProvider.Namespace}/{ResourceProvider.OpenShiftClustersType}/{resourceName}");
}
