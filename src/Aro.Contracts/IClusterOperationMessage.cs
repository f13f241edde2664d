using MassTransit;

namespace Aro.Contracts;

/// <summary>
/// What every message of a cluster operation carries, so the saga correlates and filters them through one type and the
/// compiler rejects a message that lacks them. It is no message type of its own: the exclusions keep it out of the
/// envelope's messageType list and out of the broker's topology, so the wire stays what the records alone make it.
/// </summary>
[ExcludeFromTopology]
[ExcludeFromImplementedTypes]
public interface IClusterOperationMessage
{
    /// <summary>The saga's correlation id, derived from the lower-cased resource id.</summary>
    Guid ClusterId { get; }

    /// <summary>The cluster's ARM resource id.</summary>
    string ResourceId { get; }

    /// <summary>The async operation the message belongs to.</summary>
    string OperationId { get; }
}
