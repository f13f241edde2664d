using MassTransit;

namespace Aro.Persistence.Progress;

/// <summary>
/// The part of a lifecycle saga instance that says where its operation stands, read from the instance's stored JSON
/// (the saga type itself lives with the backend; these property names are its own).
/// </summary>
internal sealed class SagaProgressView : ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string OperationId { get; set; } = "";

    /// <summary>The last step the operation entered; absent before its first step and in instances stored before progress was kept there.</summary>
    public string? Step { get; set; }

    public int? PercentComplete { get; set; }
}
