using Aro.Api.Model;
using Aro.Persistence.Documents;

namespace Aro.Persistence.Tests.Stores;

/// <summary>Valid documents to start tests from; each call makes fresh secrets so they can be searched for.</summary>
internal static class TestDocuments
{
    /// <summary>A subscription no other test uses, so tests sharing one database (or Cosmos container) stay apart.</summary>
    public static string NewSubscriptionId() => Guid.NewGuid().ToString();

    public static string ClusterResourceId(string subscriptionId, string resourceGroup, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";

    public static string ResourceGroupPrefix(string subscriptionId, string resourceGroup) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/".ToLowerInvariant();

    public static OpenShiftClusterDocument Cluster(string subscriptionId, string resourceGroup = "rg", string name = "cluster")
    {
        var resourceId = ClusterResourceId(subscriptionId, resourceGroup, name);
        return new OpenShiftClusterDocument
        {
            Id = OpenShiftClusterDocument.KeyFor(resourceId),
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(subscriptionId),
            AsyncOperationId = Guid.NewGuid().ToString(),
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = resourceId,
                Name = name,
                Type = "Microsoft.RedHatOpenShift/openShiftClusters",
                Location = "eastus",
                Tags = new Dictionary<string, string> { ["Owner"] = "team-a" },
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = ProvisioningState.Creating,
                    ClusterProfile = new ClusterProfile
                    {
                        PullSecret = $"pull-secret-{Guid.NewGuid():N}",
                        Domain = "example",
                        Version = "4.3.0",
                        ResourceGroupId = $"/subscriptions/{subscriptionId}/resourceGroups/aro-example",
                    },
                    ServicePrincipalProfile = new ServicePrincipalProfile
                    {
                        ClientId = $"client-id-{Guid.NewGuid():N}",
                        ClientSecret = $"client-secret-{Guid.NewGuid():N}",
                    },
                    WorkerProfiles =
                    [
                        new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, Count = 0 },
                    ],
                    Credentials = new ClusterCredentials
                    {
                        KubeadminPassword = $"kubeadmin-password-{Guid.NewGuid():N}",
                        AdminKubeconfig = $"apiVersion: v1\nkind: Config\n# admin-kubeconfig-{Guid.NewGuid():N}",
                    },
                },
            },
        };
    }

    public static IEnumerable<string> SecretsOf(OpenShiftClusterDocument document)
    {
        var properties = document.OpenShiftCluster.Properties;
        yield return properties.ClusterProfile.PullSecret!;
        yield return properties.ServicePrincipalProfile.ClientSecret!;
        yield return properties.Credentials!.KubeadminPassword!;
        yield return properties.Credentials!.AdminKubeconfig!;
    }

    public static AsyncOperationDocument AsyncOperation(string subscriptionId)
    {
        var name = Guid.NewGuid().ToString();
        return new AsyncOperationDocument
        {
            Id = name,
            PartitionKey = subscriptionId,
            OpenShiftClusterKey = OpenShiftClusterDocument.KeyFor(ClusterResourceId(subscriptionId, "rg", "cluster")),
            InitialProvisioningState = ProvisioningState.Creating,
            AsyncOperation = new Api.Model.AsyncOperation
            {
                Id = $"/subscriptions/{subscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/{name}",
                Name = name,
                Status = ProvisioningState.Creating,
                StartTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            },
        };
    }
}
