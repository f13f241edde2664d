using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Api.Model;

namespace Aro.Frontend.Clusters;

/// <summary>
/// Sorts a change to an existing cluster by the work it needs: a tags-only change needs none (the RP puts none of
/// the customer's tags on cloud resources, ADR 0006), a scale (only the worker count changed) takes a much shorter
/// path through the backend than a general update.
/// </summary>
internal static class ClusterChange
{
    public static bool IsScaleOnly(OpenShiftCluster existing, OpenShiftCluster updated)
    {
        var before = WithoutWorkerCounts(Settings(existing));
        var after = WithoutWorkerCounts(Settings(updated));
        return JsonNode.DeepEquals(before, after) && existing.Properties.WorkerCount() != updated.Properties.WorkerCount();
    }

    /// <summary>
    /// Whether the tags changed and nothing else a user can set did. A write that changes nothing at all is not one:
    /// it asks the backend to bring the cluster to what it already says, as the reference RP's update does.
    /// </summary>
    public static bool IsTagsOnly(OpenShiftCluster existing, OpenShiftCluster updated)
    {
        var before = Settings(existing);
        var after = Settings(updated);
        var tagsBefore = before[nameof(OpenShiftCluster.Tags)];
        var tagsAfter = after[nameof(OpenShiftCluster.Tags)];
        if (JsonNode.DeepEquals(tagsBefore, tagsAfter))
        {
            return false;
        }

        before.Remove(nameof(OpenShiftCluster.Tags));
        after.Remove(nameof(OpenShiftCluster.Tags));
        return JsonNode.DeepEquals(before, after);
    }

    // Everything a user can set, with the bookkeeping of operations blanked out.
    private static JsonObject Settings(OpenShiftCluster cluster)
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
        return node;
    }

    private static JsonObject WithoutWorkerCounts(JsonObject settings)
    {
        foreach (var worker in settings[nameof(OpenShiftCluster.Properties)]![nameof(OpenShiftClusterProperties.WorkerProfiles)]!.AsArray())
        {
            worker![nameof(WorkerProfile.Count)] = 0;
        }

        return settings;
    }
}
