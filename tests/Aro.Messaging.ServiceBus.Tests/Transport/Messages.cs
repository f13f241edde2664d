namespace Aro.Messaging.ServiceBus.Tests.Transport;

public sealed record ValidateNetworkCommand(Guid ClusterId, string Subnet);

/// <summary>Published only by the publish test: its topic's subscriptions belong to that test alone.</summary>
public sealed record ClusterCreatedForTwoEndpoints(Guid ClusterId);

public sealed record DeleteClusterCommand(Guid ClusterId);
