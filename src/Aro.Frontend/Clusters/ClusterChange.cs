using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Model;

namespace Aro.Frontend.Clusters;

/// <summary>
/// Tells a scale (only the worker count changed) from any other update, because scaling takes a much
/// shorter path through the backend than a general update.
/// </summary>
internal static class ClusterChange
{
    public static bool IsScaleOnly(OpenShiftCluster existing, OpenShiftCluster updated)
    {
        var before = Comparable(existing);
        var after = Comparable(updated);
        return JsonNode.DeepEquals(before, after) && existing.Properties.WorkerCount() != updated.Properties.WorkerCount();
    }

    // Everything a user can set, with the worker counts and the bookkeeping of operations blanked out.
    private static JsonNode Comparable(OpenShiftCluster cluster)
    {
        var node = JsonSerializer.SerializeToNode(cluster)!.AsObject();
        node.Remove(nameof(OpenShiftCluster.SystemData));
        var properties = node[nameof(OpenShiftCluster.Properties)]!.AsObject();
        properties.Remove(nameof(OpenShiftClusterProperties.ProvisioningState));
        properties.Remove(nameof(OpenShiftClusterProperties.FailedProvisioningState));
        properties.Remove(nameof(OpenShiftClusterProperties.LastError));
        properties.Remove(nameof(OpenShiftClusterProperties.Credentials));
        properties.Remove(nameof(OpenShiftClusterProperties.InfraId));
        properties.Remove(nameof(OpenShiftClusterProperties.Pki));
        foreach (var worker in properties[nameof(OpenShiftClusterProperties.WorkerProfiles)]!.AsArray())
        {
            worker![nameof(WorkerProfile.Count)] = 0;
        }

        return node;
    }
}
