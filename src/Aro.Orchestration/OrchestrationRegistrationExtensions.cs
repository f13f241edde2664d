using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Orchestration;

public static class OrchestrationRegistrationExtensions
{
    /// <summary>
    /// Registers the cluster lifecycle saga (state machine and endpoint definition) and validates
    /// <see cref="ClusterLifecycleOptions"/>, which the host binds from <see cref="ClusterLifecycleOptions.SectionName"/>.
    /// The saga's step timeouts need a message scheduler on the bus that can cancel (the in-memory transport's
    /// InMemoryMessageScheduler, the store-backed one): a step that answers unschedules its timeout. Without <paramref name="configureRepository"/> the bus's default saga
    /// repository applies (in memory).
    /// </summary>
    public static IBusRegistrationConfigurator AddAroOrchestration(
        this IBusRegistrationConfigurator bus,
        Action<ISagaRegistrationConfigurator<ClusterLifecycleState>>? configureRepository = null)
    {
        bus.AddOptions<ClusterLifecycleOptions>()
            .Validate(options => options.StepTimeout > TimeSpan.Zero, $"{ClusterLifecycleOptions.SectionName}:{nameof(ClusterLifecycleOptions.StepTimeout)} must be positive.")
            .Validate(options => options.MaxStepAttempts >= 1, $"{ClusterLifecycleOptions.SectionName}:{nameof(ClusterLifecycleOptions.MaxStepAttempts)} must be at least 1.")
            .ValidateOnStart();

        var saga = bus.AddSagaStateMachine<ClusterLifecycleStateMachine, ClusterLifecycleState, ClusterLifecycleStateMachineDefinition>();
        configureRepository?.Invoke(saga);
        return bus;
    }
}
