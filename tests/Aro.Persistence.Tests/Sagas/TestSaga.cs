using MassTransit;

namespace Aro.Persistence.Tests.Sagas;

/// <summary>A minimal versioned saga: enough state to see what the repository stores. Each start message counts.</summary>
public sealed class TestSaga : ISagaVersion, InitiatedByOrOrchestrates<TestSagaStarted>
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public int Counter { get; set; }

    public Task Consume(ConsumeContext<TestSagaStarted> context)
    {
        Counter++;
        return Task.CompletedTask;
    }
}
