using MassTransit;

namespace Aro.Persistence.Tests.Sagas;

/// <summary>A minimal versioned saga: enough state to see what the repository stores.</summary>
public sealed class TestSaga : ISagaVersion, InitiatedBy<TestSagaStarted>
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public int Counter { get; set; }

    public Task Consume(ConsumeContext<TestSagaStarted> context) => Task.CompletedTask;
}
