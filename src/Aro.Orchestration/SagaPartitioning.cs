using System.Reflection;
using Aro.Contracts;
using MassTransit;

namespace Aro.Orchestration;

/// <summary>
/// Runs the saga's messages for one cluster one at a time in this process (MassTransit's partitioner, keyed by the
/// cluster id), as MassTransit's saga guidance recommends. Without it the fork's two answers (DNS and Ignition) race on
/// the instance's version and one is retried; a retried attempt has already scheduled its step timeout on a broker
/// that schedules outside the outbox (Service Bus), and that timeout would stay behind, to fire and be ignored.
/// Processes still race one another; the optimistic concurrency and retry cover that.
/// </summary>
internal static class SagaPartitioning
{
    public static void PartitionByCluster(this ISagaConfigurator<ClusterLifecycleState> saga, IPartitioner partitioner)
    {
        foreach (var messageType in ConsumedMessageTypes())
        {
            if (typeof(IClusterOperationMessage).IsAssignableFrom(messageType))
            {
                Invoke(nameof(ByClusterId), messageType, saga, partitioner);
            }
            else if (messageType.IsGenericType && messageType.GetGenericTypeDefinition() == typeof(Fault<>))
            {
                Invoke(nameof(FaultByClusterId), messageType.GetGenericArguments()[0], saga, partitioner);
            }
            else if (messageType == typeof(ClusterStepTimedOut))
            {
                saga.Message<ClusterStepTimedOut>(message => message.UsePartitioner(partitioner, context => context.Message.ClusterId));
            }
            else
            {
                throw new InvalidOperationException($"The saga consumes {messageType.Name}, which carries no cluster id to partition by.");
            }
        }
    }

    /// <summary>The message types of the state machine's events and of its schedule's timeout.</summary>
    internal static IReadOnlyList<Type> ConsumedMessageTypes() =>
        typeof(ClusterLifecycleStateMachine).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => property.PropertyType)
            .Where(type => type.IsGenericType)
            .Select(type => type.GetGenericTypeDefinition() == typeof(Event<>) ? type.GetGenericArguments()[0]
                : type.GetGenericTypeDefinition() == typeof(Schedule<,>) ? type.GetGenericArguments()[1]
                : null)
            .OfType<Type>()
            .Distinct()
            .ToArray();

    private static void Invoke(string method, Type messageType, ISagaConfigurator<ClusterLifecycleState> saga, IPartitioner partitioner) =>
        typeof(SagaPartitioning).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(messageType)
            .Invoke(null, [saga, partitioner]);

    private static void ByClusterId<T>(ISagaConfigurator<ClusterLifecycleState> saga, IPartitioner partitioner)
        where T : class, IClusterOperationMessage =>
        saga.Message<T>(message => message.UsePartitioner(partitioner, context => context.Message.ClusterId));

    private static void FaultByClusterId<T>(ISagaConfigurator<ClusterLifecycleState> saga, IPartitioner partitioner)
        where T : class, IClusterOperationMessage =>
        saga.Message<Fault<T>>(message => message.UsePartitioner(partitioner, context => context.Message.Message.ClusterId));
}
