using MassTransit;

namespace Aro.Persistence.Tests.Sagas;

public sealed record TestSagaStarted(Guid CorrelationId) : CorrelatedBy<Guid>;
