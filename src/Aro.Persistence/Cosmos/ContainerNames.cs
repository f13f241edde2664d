namespace Aro.Persistence.Cosmos;

/// <summary>The document containers, named as the reference RP names its Cosmos DB collections.</summary>
public static class ContainerNames
{
    public const string OpenShiftClusters = "OpenShiftClusters";

    public const string Subscriptions = "Subscriptions";

    public const string AsyncOperations = "AsyncOperations";

    /// <summary>The RabbitMQ scheduler's pending messages (step timeouts); not a reference RP collection.</summary>
    public const string ScheduledMessages = "ScheduledMessages";

    /// <summary>Which cluster holds which domain (<see cref="CosmosClusterDomainIndex"/>); not a reference RP collection.</summary>
    public const string ClusterDomains = "ClusterDomains";
}
