using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aro.Orchestration;

/// <summary>
/// One instance per cluster. Create: ValidatingNetwork, then DNS and Ignition in parallel (joined), then
/// ProvisioningVirtualMachines and IssuingCredentials, ending Running. Running scales or updates and
/// returns to Running; any state deletes (Deleting, then the instance is removed). A step that fails, faults
/// or times out after its retries ends the operation Failed with that step's error.
/// Every output (commands, terminal events) carries a message id derived from the operation,
/// step and attempt, and is emitted again when its trigger arrives again: a repeated request re-emits the
/// current step, a redelivered outcome re-emits the step it led to. Outcomes of another operation are ignored.
/// docs/state-machine.md draws this machine; a test keeps the two in step.
/// </summary>
public sealed class ClusterLifecycleStateMachine : MassTransitStateMachine<ClusterLifecycleState>
{
    private readonly ClusterLifecycleOptions _options;

    private readonly Dictionary<string, (int PercentComplete, Func<ClusterLifecycleState, IEnumerable<IClusterOperationMessage>> Commands)> _stepOutputs = [];

    public ClusterLifecycleStateMachine(IOptions<ClusterLifecycleOptions> options)
    {
        _options = options.Value;

        InstanceState(x => x.CurrentState);
        // An event a state does not expect (a late or repeated outcome) must never fault the saga.
        OnUnhandledEvent(context => context.Ignore());

        RequestEvent(() => ClusterCreateRequested);
        RequestEvent(() => ClusterUpdateRequested);
        RequestEvent(() => ClusterScaleRequested);
        RequestEvent(() => ClusterDeleteRequested);

        OutcomeEvent(() => NetworkValidated);
        OutcomeEvent(() => NetworkValidationFailed);
        OutcomeEvent(() => DnsConfigured);
        OutcomeEvent(() => DnsConfigurationFailed);
        OutcomeEvent(() => IgnitionGenerated);
        OutcomeEvent(() => IgnitionGenerationFailed);
        OutcomeEvent(() => VirtualMachinesProvisioned);
        OutcomeEvent(() => VirtualMachinesProvisioningFailed);
        OutcomeEvent(() => CredentialsIssued);
        OutcomeEvent(() => CredentialsIssuanceFailed);
        OutcomeEvent(() => WorkersScaled);
        OutcomeEvent(() => WorkerScalingFailed);
        OutcomeEvent(() => ClusterTornDown);
        OutcomeEvent(() => ClusterTeardownFailed);

        FaultEvent(() => ValidateNetworkFaulted);
        FaultEvent(() => ConfigureDnsFaulted);
        FaultEvent(() => GenerateIgnitionFaulted);
        FaultEvent(() => ProvisionVirtualMachinesFaulted);
        FaultEvent(() => IssueCredentialsFaulted);
        FaultEvent(() => ScaleWorkersFaulted);
        FaultEvent(() => TearDownClusterFaulted);

        Schedule(() => StepTimeout, x => x.StepTimeoutTokenId, schedule =>
        {
            schedule.Delay = _options.StepTimeout;
            schedule.Received = e =>
            {
                e.CorrelateById(context => context.Message.ClusterId);
                e.OnMissingInstance(m => m.Discard());
            };
        });

        Initially(
            Enter(When(ClusterCreateRequested)
                .Then(context => Begin(context.Saga, ClusterOperationKind.Create, context.Message.ResourceId, context.Message.OperationId)), ValidatingNetwork),
            // A cluster this saga never saw (its instance lost, or created before the saga existed) is adopted.
            Enter(When(ClusterScaleRequested)
                .Then(context => Begin(context.Saga, ClusterOperationKind.Scale, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Scaling),
            Enter(When(ClusterUpdateRequested)
                .Then(context => Begin(context.Saga, ClusterOperationKind.Update, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Updating),
            // Deleting a cluster the saga never saw still tears down whatever exists and reports it deleted.
            Enter(When(ClusterDeleteRequested)
                .Then(context => Begin(context.Saga, ClusterOperationKind.Delete, context.Message.ResourceId, context.Message.OperationId)), Deleting));

        Sends(ValidatingNetwork, percentComplete: 10, saga => [new ValidateNetwork(saga.CorrelationId, saga.ResourceId, saga.OperationId)]);
        During(ValidatingNetwork,
            Enter(When(NetworkValidated, IsCurrent)
                .Then(context => context.Saga.DnsFinished = context.Saga.IgnitionFinished = false), ConfiguringDnsAndIgnition),
            Fail(When(NetworkValidationFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ValidateNetworkFaulted, IsCurrentFault), StepError.NetworkValidationFailed));

        // Only the branches still outstanding: a retry or re-emit does not repeat a branch that answered.
        Sends(ConfiguringDnsAndIgnition, percentComplete: 25, saga =>
        [
            .. saga.DnsFinished ? Array.Empty<IClusterOperationMessage>() : [new ConfigureDns(saga.CorrelationId, saga.ResourceId, saga.OperationId)],
            .. saga.IgnitionFinished ? Array.Empty<IClusterOperationMessage>() : [new GenerateIgnition(saga.CorrelationId, saga.ResourceId, saga.OperationId)],
        ]);
        During(ConfiguringDnsAndIgnition,
            When(NetworkValidated, IsCurrent).ThenAsync(ReEmitAsync),
            Join(When(DnsConfigured, IsCurrent).Then(context => context.Saga.DnsFinished = true)),
            Join(When(IgnitionGenerated, IsCurrent).Then(context => context.Saga.IgnitionFinished = true)),
            Join(When(DnsConfigurationFailed, IsCurrent).Then(context =>
            {
                RecordFirstError(context.Saga, context.Message.Code, context.Message.Message, context.Message.Target);
                context.Saga.DnsFinished = true;
            })),
            Join(When(IgnitionGenerationFailed, IsCurrent).Then(context =>
            {
                RecordFirstError(context.Saga, context.Message.Code, context.Message.Message, context.Message.Target);
                context.Saga.IgnitionFinished = true;
            })),
            Join(When(ConfigureDnsFaulted, IsCurrentFault).Then(context =>
            {
                RecordFirstError(context.Saga, StepError.DnsConfigurationFailed);
                context.Saga.DnsFinished = true;
            })),
            Join(When(GenerateIgnitionFaulted, IsCurrentFault).Then(context =>
            {
                RecordFirstError(context.Saga, StepError.IgnitionGenerationFailed);
                context.Saga.IgnitionFinished = true;
            })));

        Sends(ProvisioningVirtualMachines, percentComplete: 50, saga => [new ProvisionVirtualMachines(saga.CorrelationId, saga.ResourceId, saga.OperationId)]);
        During(ProvisioningVirtualMachines,
            When(DnsConfigured, IsCurrent).ThenAsync(ReEmitAsync),
            When(IgnitionGenerated, IsCurrent).ThenAsync(ReEmitAsync),
            Enter(When(VirtualMachinesProvisioned, IsCurrent), IssuingCredentials),
            Fail(When(VirtualMachinesProvisioningFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ProvisionVirtualMachinesFaulted, IsCurrentFault), StepError.VirtualMachineProvisioningFailed));

        Sends(IssuingCredentials, percentComplete: 85, saga => [new IssueCredentials(saga.CorrelationId, saga.ResourceId, saga.OperationId)]);
        During(IssuingCredentials,
            When(VirtualMachinesProvisioned, IsCurrent).ThenAsync(ReEmitAsync),
            Succeed(When(CredentialsIssued, IsCurrent)),
            Fail(When(CredentialsIssuanceFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(IssueCredentialsFaulted, IsCurrentFault), StepError.CredentialsIssuanceFailed));

        During(Running,
            When(CredentialsIssued, IsCurrent).ThenAsync(ReEmitAsync),
            When(WorkersScaled, IsCurrent).ThenAsync(ReEmitAsync));

        Sends(Scaling, percentComplete: 50, ScaleWorkersCommand);
        Sends(Updating, percentComplete: 50, ScaleWorkersCommand);
        During(Scaling, Updating,
            Succeed(When(WorkersScaled, IsCurrent).Then(context => context.Saga.WorkerCount = context.Message.WorkerCount)),
            Fail(When(WorkerScalingFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ScaleWorkersFaulted, IsCurrentFault), StepError.WorkerScalingFailed));

        Sends(Deleting, percentComplete: 50, saga => [new TearDownCluster(saga.CorrelationId, saga.ResourceId, saga.OperationId)]);
        During(Deleting,
            When(ClusterTornDown, IsCurrent)
                .Unschedule(StepTimeout)
                .ThenAsync(context => PublishAsync(context, new ClusterDeleted(context.Saga.CorrelationId, context.Saga.ResourceId, context.Saga.OperationId)))
                .Finalize(),
            Fail(When(ClusterTeardownFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(TearDownClusterFaulted, IsCurrentFault), StepError.ClusterTeardownFailed));

        DuringAny(
            // The same operation again (a redelivery, the reconciler) re-emits where the operation stands.
            ReEmit(When(ClusterCreateRequested, IsCurrent)),
            ReEmit(When(ClusterScaleRequested, IsCurrent)),
            ReEmit(When(ClusterUpdateRequested, IsCurrent)),
            ReEmit(When(ClusterDeleteRequested, IsCurrent)),
            // A delete is accepted in any state, Deleting included: a new delete takes the teardown over.
            Enter(When(ClusterDeleteRequested, context => !IsCurrent(context))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Delete, context.Message.ResourceId, context.Message.OperationId)), Deleting));

        // A new operation other than a delete starts only from a settled cluster; the frontend's provisioningState
        // gating makes anything else a stray, which is ignored. Declared after DuringAny so the re-emit of the current
        // operation above is decided before a new one begins.
        During(Failed,
            Enter(When(ClusterCreateRequested, context => !IsCurrent(context))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Create, context.Message.ResourceId, context.Message.OperationId)), ValidatingNetwork));

        During(Running, Failed,
            Enter(When(ClusterScaleRequested, context => !IsCurrent(context))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Scale, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Scaling),
            Enter(When(ClusterUpdateRequested, context => !IsCurrent(context))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Update, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Updating));

        // Only a step waits for an answer, so only a step times out.
        During([ValidatingNetwork, ConfiguringDnsAndIgnition, ProvisioningVirtualMachines, IssuingCredentials, Scaling, Updating, Deleting],
            When(StepTimeout.Received, IsCurrentAttempt)
                .IfElse(
                    context => context.Saga.Attempt < _options.MaxStepAttempts,
                    retry => retry
                        .Then(context => context.Saga.Attempt++)
                        .ThenAsync(PublishStepAsync)
                        .Schedule(StepTimeout, context => NewStepTimeout(context.Saga)),
                    giveUp => giveUp
                        // In the fork, a branch that already failed explains the failure better than the timeout.
                        .Then(context => RecordFirstError(context.Saga, TimeoutError(context.Saga)))
                        .TransitionTo(Failed)
                        .ThenAsync(PublishTerminalAsync)));

        SetCompletedWhenFinalized();
    }

    public State ValidatingNetwork { get; private set; } = null!;

    /// <summary>DNS and Ignition run in parallel; the instance moves on once both reported.</summary>
    public State ConfiguringDnsAndIgnition { get; private set; } = null!;

    public State ProvisioningVirtualMachines { get; private set; } = null!;

    public State IssuingCredentials { get; private set; } = null!;

    public State Running { get; private set; } = null!;

    public State Scaling { get; private set; } = null!;

    public State Updating { get; private set; } = null!;

    public State Deleting { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    public Event<ClusterCreateRequested> ClusterCreateRequested { get; private set; } = null!;

    public Event<ClusterUpdateRequested> ClusterUpdateRequested { get; private set; } = null!;

    public Event<ClusterScaleRequested> ClusterScaleRequested { get; private set; } = null!;

    public Event<ClusterDeleteRequested> ClusterDeleteRequested { get; private set; } = null!;

    public Event<NetworkValidated> NetworkValidated { get; private set; } = null!;

    public Event<NetworkValidationFailed> NetworkValidationFailed { get; private set; } = null!;

    public Event<DnsConfigured> DnsConfigured { get; private set; } = null!;

    public Event<DnsConfigurationFailed> DnsConfigurationFailed { get; private set; } = null!;

    public Event<IgnitionGenerated> IgnitionGenerated { get; private set; } = null!;

    public Event<IgnitionGenerationFailed> IgnitionGenerationFailed { get; private set; } = null!;

    public Event<VirtualMachinesProvisioned> VirtualMachinesProvisioned { get; private set; } = null!;

    public Event<VirtualMachinesProvisioningFailed> VirtualMachinesProvisioningFailed { get; private set; } = null!;

    public Event<CredentialsIssued> CredentialsIssued { get; private set; } = null!;

    public Event<CredentialsIssuanceFailed> CredentialsIssuanceFailed { get; private set; } = null!;

    public Event<WorkersScaled> WorkersScaled { get; private set; } = null!;

    public Event<WorkerScalingFailed> WorkerScalingFailed { get; private set; } = null!;

    public Event<ClusterTornDown> ClusterTornDown { get; private set; } = null!;

    public Event<ClusterTeardownFailed> ClusterTeardownFailed { get; private set; } = null!;

    public Event<Fault<ValidateNetwork>> ValidateNetworkFaulted { get; private set; } = null!;

    public Event<Fault<ConfigureDns>> ConfigureDnsFaulted { get; private set; } = null!;

    public Event<Fault<GenerateIgnition>> GenerateIgnitionFaulted { get; private set; } = null!;

    public Event<Fault<ProvisionVirtualMachines>> ProvisionVirtualMachinesFaulted { get; private set; } = null!;

    public Event<Fault<IssueCredentials>> IssueCredentialsFaulted { get; private set; } = null!;

    public Event<Fault<ScaleWorkers>> ScaleWorkersFaulted { get; private set; } = null!;

    public Event<Fault<TearDownCluster>> TearDownClusterFaulted { get; private set; } = null!;

    /// <summary>A step's command went unanswered for <see cref="ClusterLifecycleOptions.StepTimeout"/>.</summary>
    public Schedule<ClusterLifecycleState, ClusterStepTimedOut> StepTimeout { get; private set; } = null!;

    private void RequestEvent<T>(System.Linq.Expressions.Expression<Func<Event<T>>> @event)
        where T : class, IClusterOperationMessage =>
        Event(@event, e => e.CorrelateById(context => context.Message.ClusterId));

    // An outcome for an instance that is gone (deleted, or never created) has nothing left to affect.
    private void OutcomeEvent<T>(System.Linq.Expressions.Expression<Func<Event<T>>> @event)
        where T : class, IClusterOperationMessage =>
        Event(@event, e =>
        {
            e.CorrelateById(context => context.Message.ClusterId);
            e.OnMissingInstance(m => m.Discard());
        });

    // A step's command that faulted after its retries: correlated by the command's own cluster id.
    private void FaultEvent<T>(System.Linq.Expressions.Expression<Func<Event<Fault<T>>>> @event)
        where T : class, IClusterOperationMessage =>
        Event(@event, e =>
        {
            e.CorrelateById(context => context.Message.Message.ClusterId);
            e.OnMissingInstance(m => m.Discard());
        });

    private static void Begin(ClusterLifecycleState saga, ClusterOperationKind operation, string resourceId, string operationId, int? workerCount = null)
    {
        saga.ResourceId = resourceId;
        saga.OperationId = operationId;
        saga.Operation = operation;
        saga.WorkerCount = workerCount ?? saga.WorkerCount;
        saga.DnsFinished = false;
        saga.IgnitionFinished = false;
        saga.Step = null;
        saga.PercentComplete = null;
        saga.ErrorCode = null;
        saga.ErrorMessage = null;
        saga.ErrorTarget = null;
    }

    /// <summary>Enters a step: its first attempt, its progress and command(s), and its timeout.</summary>
    private EventActivityBinder<ClusterLifecycleState, T> Enter<T>(EventActivityBinder<ClusterLifecycleState, T> binder, State step)
        where T : class =>
        binder
            .Then(context => context.Saga.Attempt = 1)
            .TransitionTo(step)
            .ThenAsync(PublishStepAsync)
            .Schedule(StepTimeout, context => NewStepTimeout(context.Saga));

    /// <summary>
    /// A repeated request re-emits where the operation stands and, mid-step, arms the step's timeout again: the
    /// reconciler repeats requests after a restart, which lost the scheduled timeout along with the in-flight
    /// command. A timeout that did survive is harmless: whichever fires second no longer matches the attempt.
    /// </summary>
    private EventActivityBinder<ClusterLifecycleState, T> ReEmit<T>(EventActivityBinder<ClusterLifecycleState, T> binder)
        where T : class =>
        binder
            .ThenAsync(ReEmitAsync)
            .If(context => !IsIn(context, Running) && !IsIn(context, Failed), step => step.Schedule(StepTimeout, context => NewStepTimeout(context.Saga)));

    /// <summary>
    /// The join of the DNS and Ignition fork, once both branches have answered, successfully or not. A branch
    /// that fails does not end the operation while the other still runs: that one may still be creating
    /// resources, and a delete accepted meanwhile would race it and leave them behind.
    /// </summary>
    private EventActivityBinder<ClusterLifecycleState, T> Join<T>(EventActivityBinder<ClusterLifecycleState, T> binder)
        where T : class =>
        binder.If(BothFinished, joined => joined.IfElse(
            context => context.Saga.ErrorCode is null,
            proceed => Enter(proceed, ProvisioningVirtualMachines),
            fail => fail
                .Unschedule(StepTimeout)
                .TransitionTo(Failed)
                .ThenAsync(PublishTerminalAsync)));

    private EventActivityBinder<ClusterLifecycleState, T> Succeed<T>(EventActivityBinder<ClusterLifecycleState, T> binder)
        where T : class =>
        binder
            .Unschedule(StepTimeout)
            .TransitionTo(Running)
            .ThenAsync(PublishTerminalAsync);

    private EventActivityBinder<ClusterLifecycleState, T> Fail<T>(
        EventActivityBinder<ClusterLifecycleState, T> binder,
        Func<T, string> code,
        Func<T, string> message,
        Func<T, string?> target)
        where T : class =>
        binder
            .Unschedule(StepTimeout)
            .Then(context => RecordError(context.Saga, code(context.Message), message(context.Message), target(context.Message)))
            .TransitionTo(Failed)
            .ThenAsync(PublishTerminalAsync);

    private EventActivityBinder<ClusterLifecycleState, T> Fail<T>(EventActivityBinder<ClusterLifecycleState, T> binder, StepError error)
        where T : class =>
        binder
            .Unschedule(StepTimeout)
            .Then(context => RecordError(context.Saga, error))
            .TransitionTo(Failed)
            .ThenAsync(PublishTerminalAsync);

    private static bool IsCurrent<T>(BehaviorContext<ClusterLifecycleState, T> context)
        where T : class, IClusterOperationMessage =>
        string.Equals(context.Message.OperationId, context.Saga.OperationId, StringComparison.Ordinal);

    private static bool IsCurrentFault<T>(BehaviorContext<ClusterLifecycleState, Fault<T>> context)
        where T : class, IClusterOperationMessage =>
        string.Equals(context.Message.Message.OperationId, context.Saga.OperationId, StringComparison.Ordinal);

    private static bool IsCurrentAttempt(BehaviorContext<ClusterLifecycleState, ClusterStepTimedOut> context) =>
        context.Message.OperationId == context.Saga.OperationId
        && context.Message.Step == context.Saga.CurrentState
        && context.Message.Attempt == context.Saga.Attempt;

    private static bool IsIn(BehaviorContext<ClusterLifecycleState> context, State state) => context.Saga.CurrentState == state.Name;

    private static bool BothFinished(BehaviorContext<ClusterLifecycleState> context) =>
        context.Saga.DnsFinished && context.Saga.IgnitionFinished;

    private static ClusterStepTimedOut NewStepTimeout(ClusterLifecycleState saga) =>
        new(saga.CorrelationId, saga.OperationId, saga.CurrentState, saga.Attempt);

    /// <summary>Emits again what the instance's current state stands for: its step's outputs, or its terminal event.</summary>
    private Task ReEmitAsync(BehaviorContext<ClusterLifecycleState> context) =>
        IsIn(context, Running) || IsIn(context, Failed) ? PublishTerminalAsync(context) : PublishStepAsync(context);

    /// <summary>
    /// Declares what a step state sends each time it is entered or re-emitted: the command(s) still outstanding in it,
    /// for the current attempt; entering it records the operation's progress (<paramref name="percentComplete"/>).
    /// </summary>
    private void Sends(State step, int percentComplete, Func<ClusterLifecycleState, IEnumerable<IClusterOperationMessage>> commands) =>
        _stepOutputs.Add(step.Name, (percentComplete, commands));

    /// <summary>Records the current step's progress and sends its outstanding command(s), as <see cref="Sends"/> declared them.</summary>
    private async Task PublishStepAsync(BehaviorContext<ClusterLifecycleState> context)
    {
        var saga = context.Saga;
        var (percentComplete, commands) = _stepOutputs[saga.CurrentState];
        // Progress is recorded, not published: it is stored with this instance's write of the transition.
        saga.Step = saga.CurrentState;
        saga.PercentComplete = percentComplete;
        foreach (var command in commands(saga))
        {
            await PublishAsync(context, command);
        }
    }

    private static IEnumerable<IClusterOperationMessage> ScaleWorkersCommand(ClusterLifecycleState saga) =>
        [new ScaleWorkers(saga.CorrelationId, saga.ResourceId, saga.OperationId, saga.WorkerCount ?? throw new InvalidOperationException("Scaling needs a worker count."))];

    /// <summary>How the settled operation ended: success while Running, the stored error while Failed.</summary>
    private Task PublishTerminalAsync(BehaviorContext<ClusterLifecycleState> context)
    {
        var saga = context.Saga;
        var (id, resourceId, operationId) = (saga.CorrelationId, saga.ResourceId, saga.OperationId);
        if (IsIn(context, Failed))
        {
            var (code, message, target) = (saga.ErrorCode ?? "", saga.ErrorMessage ?? "", saga.ErrorTarget);
            return saga.Operation switch
            {
                ClusterOperationKind.Create => PublishAsync(context, new ClusterProvisioningFailed(id, resourceId, operationId, code, message, target)),
                ClusterOperationKind.Delete => PublishAsync(context, new ClusterDeletionFailed(id, resourceId, operationId, code, message, target)),
                _ => PublishAsync(context, new ClusterUpdateFailed(id, resourceId, operationId, code, message, target)),
            };
        }

        return saga.Operation == ClusterOperationKind.Create
            ? PublishAsync(context, new ClusterProvisioningSucceeded(id, resourceId, operationId))
            : PublishAsync(context, new ClusterUpdateSucceeded(id, resourceId, operationId));
    }

    private static void RecordError(ClusterLifecycleState saga, string code, string message, string? target)
    {
        saga.ErrorCode = code;
        saga.ErrorMessage = message;
        saga.ErrorTarget = target;
    }

    private static void RecordError(ClusterLifecycleState saga, StepError error) => RecordError(saga, error.Code, error.Message, null);

    /// <summary>Keeps the first error of the operation: the one that caused the failure, not what followed.</summary>
    private static void RecordFirstError(ClusterLifecycleState saga, string code, string message, string? target)
    {
        if (saga.ErrorCode is null)
        {
            RecordError(saga, code, message, target);
        }
    }

    private static void RecordFirstError(ClusterLifecycleState saga, StepError error) => RecordFirstError(saga, error.Code, error.Message, null);

    /// <summary>The timeout error of the step that went unanswered; in the fork, of the branch still outstanding.</summary>
    private StepError TimeoutError(ClusterLifecycleState saga) => saga.CurrentState switch
    {
        var s when s == ValidatingNetwork.Name => StepError.NetworkValidationTimeout,
        var s when s == ConfiguringDnsAndIgnition.Name => saga.DnsFinished ? StepError.IgnitionGenerationTimeout : StepError.DnsConfigurationTimeout,
        var s when s == ProvisioningVirtualMachines.Name => StepError.VirtualMachineProvisioningTimeout,
        var s when s == IssuingCredentials.Name => StepError.CredentialsIssuanceTimeout,
        var s when s == Deleting.Name => StepError.ClusterTeardownTimeout,
        _ => StepError.WorkerScalingTimeout,
    };

    /// <summary>Publishes with the id the same output always gets within this operation, step and attempt.</summary>
    private static Task PublishAsync(BehaviorContext<ClusterLifecycleState> context, IClusterOperationMessage message)
    {
        var saga = context.Saga;
        var messageType = message.GetType();
        var messageId = DeterministicMessageId.Create(saga.CorrelationId, saga.OperationId, saga.CurrentState, saga.Attempt, messageType);
        return context.Publish(message, messageType, Pipe.Execute<PublishContext>(publish => publish.MessageId = messageId));
    }
}
