using Aro.Api;
using Aro.Cloud;
using Aro.Cloud.Kubernetes;
using Aro.Consumers.Clusters;
using Aro.Consumers.Scale;
using Aro.Consumers.Tests.Network;
using Microsoft.Extensions.Options;

namespace Aro.Consumers.Tests.Scale;

public sealed class WorkerScalerTests
{
    private static readonly IOptions<CloudOptions> Options = Microsoft.Extensions.Options.Options.Create(new CloudOptions { Domain = "aro.localhost", Location = "eastus" });

    [Theory]
    [InlineData(new[] { 3 }, 5, new[] { 5 })]
    [InlineData(new[] { 1, 1, 1 }, 5, new[] { 2, 2, 1 })]
    [InlineData(new[] { 2, 2, 1 }, 3, new[] { 1, 1, 1 })]
    [InlineData(new[] { 3 }, 3, new[] { 3 })]
    public async Task Spreads_the_total_over_the_worker_machine_sets(int[] before, int total, int[] after)
    {
        var machineSets = new FakeMachineSets(before.Select((replicas, i) => new MachineSet($"c-worker-eastus{i + 1}", "worker", replicas, replicas)));
        machineSets.Sets.Add(new MachineSet("c-infra-eastus1", "infra", 2, 2));
        var scaler = new WorkerScaler(new InMemoryClusters(ValidCluster.New()), machineSets, Options, TimeProvider.System);

        var outcome = await scaler.ScaleAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, total, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(after, machineSets.Sets.Where(s => s.Role == "worker").OrderBy(s => s.Name).Select(s => s.Replicas));
        Assert.Equal(2, machineSets.Sets.Single(s => s.Role == "infra").Replicas);
        Assert.Equal(after.Zip(before).Count(p => p.First != p.Second), machineSets.Patches);
        Assert.Equal(ValidCluster.ClusterResourceGroupName, machineSets.LastTarget?.ClusterResourceGroupName);
    }

    [Fact]
    public async Task A_cluster_without_worker_machine_sets_cannot_be_scaled()
    {
        var scaler = new WorkerScaler(new InMemoryClusters(ValidCluster.New()), new FakeMachineSets([]), Options, TimeProvider.System);

        var outcome = await scaler.ScaleAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, 5, CancellationToken.None);

        Assert.Equal(CloudErrorCodes.RequestNotAllowed, outcome.Error?.Code);
    }

    [Fact]
    public async Task A_delete_accepted_while_waiting_for_the_workers_ends_the_wait()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        var machineSets = new FakeMachineSets([new MachineSet("c-worker-eastus1", "worker", 3, 3)]) { NeverReady = true };
        var options = Microsoft.Extensions.Options.Options.Create(new CloudOptions { Domain = "aro.localhost", Location = "eastus", KubernetesPollInterval = TimeSpan.FromMilliseconds(10) });
        var scaler = new WorkerScaler(clusters, machineSets, options, TimeProvider.System);

        var scaling = scaler.ScaleAsync(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, 5, CancellationToken.None);
        await machineSets.Waiting.Task;
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
        var outcome = await scaling;

        Assert.Equal(new Supersession(ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId, "op-delete"), outcome.Supersession);
        Assert.Null(outcome.Error);
    }

    /// <summary>MachineSets whose machines become ready the moment their replicas change.</summary>
    private sealed class FakeMachineSets(IEnumerable<MachineSet> sets) : IMachineSets
    {
        public List<MachineSet> Sets { get; } = [.. sets];

        public int Patches { get; private set; }

        public KubernetesClusterTarget? LastTarget { get; private set; }

        public Task<IReadOnlyList<MachineSet>> ListAsync(KubernetesClusterTarget cluster, CancellationToken cancellationToken)
        {
            LastTarget = cluster;
            return Task.FromResult<IReadOnlyList<MachineSet>>([.. Sets]);
        }

        public Task EnsureAsync(KubernetesClusterTarget cluster, MachineSetSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ScaleAsync(KubernetesClusterTarget cluster, string name, int replicas, CancellationToken cancellationToken)
        {
            var index = Sets.FindIndex(s => s.Name == name);
            Sets[index] = Sets[index] with { Replicas = replicas, ReadyReplicas = replicas };
            Patches++;
            return Task.CompletedTask;
        }

        /// <summary>Machines that never become ready: a wait lasts until it is cancelled.</summary>
        public bool NeverReady { get; init; }

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<MachineSet>> WaitUntilReadyAsync(KubernetesClusterTarget cluster, Func<MachineSet, bool> include, CancellationToken cancellationToken)
        {
            Waiting.TrySetResult();
            if (NeverReady)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return [.. Sets.Where(include)];
        }
    }
}
