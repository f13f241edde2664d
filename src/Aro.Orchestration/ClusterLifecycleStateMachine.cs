using Aro.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aro.Orchestration;

/// <summary>
/// One instance per cluster. Create: ValidatingNetwork, then DNS and Ignition in parallel (joined), then
/// ProvisioningVirtualMachines and IssuingCredentials, ending Running. Running scales or updates and
/// returns to Running; any state deletes (Deleting, then the instance is removed). A step that fails, faults
/// or times out after its retries ends the operation Failed with that step's error.
/// Every output (progress, commands, terminal events) carries a message id derived from the operation,
/// step and attempt, and is emitted again when its trigger arrives again: a repeated request re-emits the
/// current step, a redelivered outcome re-emits the step it led to. Outcomes of another operation are ignored.
/// docs/state-machine.md draws this machine; a test keeps the two in step.
/// </summary>
public sealed class ClusterLifecycleStateMachine : MassTransitStateMachine<ClusterLifecycleState>
{
    private readonly ClusterLifecycleOptions _options;

    public ClusterLifecycleStateMachine(IOptions<ClusterLifecycleOptions> options)
    {
        _options = options.Value;

        InstanceState(x => x.CurrentState);
        // An event a state does not expect (a late or repeated outcome) must never fault the saga.
        OnUnhandledEvent(context => context.Ignore());

        RequestEvent(() => ClusterCreateRequested, m => m.ClusterId);
        RequestEvent(() => ClusterUpdateRequested, m => m.ClusterId);
        RequestEvent(() => ClusterScaleRequested, m => m.ClusterId);
        RequestEvent(() => ClusterDeleteRequested, m => m.ClusterId);

        OutcomeEvent(() => NetworkValidated, m => m.ClusterId);
        OutcomeEvent(() => NetworkValidationFailed, m => m.ClusterId);
        OutcomeEvent(() => DnsConfigured, m => m.ClusterId);
        OutcomeEvent(() => DnsConfigurationFailed, m => m.ClusterId);
        OutcomeEvent(() => IgnitionGenerated, m => m.ClusterId);
        OutcomeEvent(() => IgnitionGenerationFailed, m => m.ClusterId);
        OutcomeEvent(() => VirtualMachinesProvisioned, m => m.ClusterId);
        OutcomeEvent(() => VirtualMachinesProvisioningFailed, m => m.ClusterId);
        OutcomeEvent(() => CredentialsIssued, m => m.ClusterId);
        OutcomeEvent(() => CredentialsIssuanceFailed, m => m.ClusterId);
        OutcomeEvent(() => WorkersScaled, m => m.ClusterId);
        OutcomeEvent(() => WorkerScalingFailed, m => m.ClusterId);
        OutcomeEvent(() => ClusterTornDown, m => m.ClusterId);
        OutcomeEvent(() => ClusterTeardownFailed, m => m.ClusterId);

        OutcomeEvent(() => ValidateNetworkFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => ConfigureDnsFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => GenerateIgnitionFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => ProvisionVirtualMachinesFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => IssueCredentialsFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => ScaleWorkersFaulted, m => m.Message.ClusterId);
        OutcomeEvent(() => TearDownClusterFaulted, m => m.Message.ClusterId);

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

        During(ValidatingNetwork,
            Enter(When(NetworkValidated, IsCurrent)
                .Then(context => context.Saga.DnsFinished = context.Saga.IgnitionFinished = false), ConfiguringDnsAndIgnition),
            Fail(When(NetworkValidationFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ValidateNetworkFaulted, IsCurrentFault), StepError.NetworkValidationFailed));

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

        During(ProvisioningVirtualMachines,
            When(DnsConfigured, IsCurrent).ThenAsync(ReEmitAsync),
            When(IgnitionGenerated, IsCurrent).ThenAsync(ReEmitAsync),
            Enter(When(VirtualMachinesProvisioned, IsCurrent), IssuingCredentials),
            Fail(When(VirtualMachinesProvisioningFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ProvisionVirtualMachinesFaulted, IsCurrentFault), StepError.VirtualMachineProvisioningFailed));

        During(IssuingCredentials,
            When(VirtualMachinesProvisioned, IsCurrent).ThenAsync(ReEmitAsync),
            Succeed(When(CredentialsIssued, IsCurrent)),
            Fail(When(CredentialsIssuanceFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(IssueCredentialsFaulted, IsCurrentFault), StepError.CredentialsIssuanceFailed));

        During(Running,
            When(CredentialsIssued, IsCurrent).ThenAsync(ReEmitAsync),
            When(WorkersScaled, IsCurrent).ThenAsync(ReEmitAsync));

        During(Scaling, Updating,
            Succeed(When(WorkersScaled, IsCurrent).Then(context => context.Saga.WorkerCount = context.Message.WorkerCount)),
            Fail(When(WorkerScalingFailed, IsCurrent), m => m.Code, m => m.Message, m => m.Target),
            Fail(When(ScaleWorkersFaulted, IsCurrentFault), StepError.WorkerScalingFailed));

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
            // A new operation starts only from a settled cluster; the frontend's provisioningState gating
            // makes anything else a stray, which is ignored. A delete is accepted in any state.
            Enter(When(ClusterCreateRequested, context => !IsCurrent(context) && IsIn(context, Failed))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Create, context.Message.ResourceId, context.Message.OperationId)), ValidatingNetwork),
            Enter(When(ClusterScaleRequested, context => !IsCurrent(context) && (IsIn(context, Running) || IsIn(context, Failed)))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Scale, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Scaling),
            Enter(When(ClusterUpdateRequested, context => !IsCurrent(context) && (IsIn(context, Running) || IsIn(context, Failed)))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Update, context.Message.ResourceId, context.Message.OperationId, context.Message.WorkerCount)), Updating),
            Enter(When(ClusterDeleteRequested, context => !IsCurrent(context))
                .Then(context => Begin(context.Saga, ClusterOperationKind.Delete, context.Message.ResourceId, context.Message.OperationId)), Deleting),
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

    private void RequestEvent<T>(System.Linq.Expressions.Expression<Func<Event<T>>> @event, Func<T, Guid> clusterId)
        where T : class =>
        Event(@event, e => e.CorrelateById(context => clusterId(context.Message)));

    // An outcome for an instance that is gone (deleted, or never created) has nothing left to affect.
    private void OutcomeEvent<T>(System.Linq.Expressions.Expression<Func<Event<T>>> @event, Func<T, Guid> clusterId)
        where T : class =>
        Event(@event, e =>
        {
            e.CorrelateById(context => clusterId(context.Message));
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
        where T : class =>
        string.Equals(OperationIdOf(context.Message), context.Saga.OperationId, StringComparison.Ordinal);

    private static bool IsCurrentFault<T>(BehaviorContext<ClusterLifecycleState, Fault<T>> context)
        where T : class =>
        string.Equals(OperationIdOf(context.Message.Message), context.Saga.OperationId, StringComparison.Ordinal);

    private static bool IsCurrentAttempt(BehaviorContext<ClusterLifecycleState, ClusterStepTimedOut> context) =>
        context.Message.OperationId == context.Saga.OperationId
        && context.Message.Step == context.Saga.CurrentState
        && context.Message.Attempt == context.Saga.Attempt;

    private static bool IsIn(BehaviorContext<ClusterLifecycleState> context, State state) => context.Saga.CurrentState == state.Name;

    private static bool BothFinished(BehaviorContext<ClusterLifecycleState> context) =>
        context.Saga.DnsFinished && context.Saga.IgnitionFinished;

    private static string OperationIdOf(object message) => message switch
    {
        ClusterCreateRequested m => m.OperationId,
        ClusterUpdateRequested m => m.OperationId,
        ClusterScaleRequested m => m.OperationId,
        ClusterDeleteRequested m => m.OperationId,
        NetworkValidated m => m.OperationId,
        NetworkValidationFailed m => m.OperationId,
        DnsConfigured m => m.OperationId,
        DnsConfigurationFailed m => m.OperationId,
        IgnitionGenerated m => m.OperationId,
        IgnitionGenerationFailed m => m.OperationId,
        VirtualMachinesProvisioned m => m.OperationId,
        VirtualMachinesProvisioningFailed m => m.OperationId,
        CredentialsIssued m => m.OperationId,
        CredentialsIssuanceFailed m => m.OperationId,
        WorkersScaled m => m.OperationId,
        WorkerScalingFailed m => m.OperationId,
        ClusterTornDown m => m.OperationId,
        ClusterTeardownFailed m => m.OperationId,
        ValidateNetwork m => m.OperationId,
        ConfigureDns m => m.OperationId,
        GenerateIgnition m => m.OperationId,
        ProvisionVirtualMachines m => m.OperationId,
        IssueCredentials m => m.OperationId,
        ScaleWorkers m => m.OperationId,
        TearDownCluster m => m.OperationId,
        _ => throw new ArgumentException($"{message.GetType().Name} carries no operation id the saga knows of.", nameof(message)),
    };

    private static ClusterStepTimedOut NewStepTimeout(ClusterLifecycleState saga) =>
        new(saga.CorrelationId, saga.OperationId, saga.CurrentState, saga.Attempt);

    /// <summary>Emits again what the instance's current state stands for: its step's outputs, or its terminal event.</summary>
    private Task ReEmitAsync(BehaviorContext<ClusterLifecycleState> context) =>
        IsIn(context, Running) || IsIn(context, Failed) ? PublishTerminalAsync(context) : PublishStepAsync(context);

    /// <summary>The current step's progress and the command(s) still outstanding in it, for the current attempt.</summary>
    private async Task PublishStepAsync(BehaviorContext<ClusterLifecycleState> context)
    {
        var saga = context.Saga;
        var (id, resourceId, operationId) = (saga.CorrelationId, saga.ResourceId, saga.OperationId);
        await PublishAsync(context, new ClusterProvisioningProgressed(id, resourceId, operationId, saga.CurrentState, PercentComplete(saga.CurrentState)));

        if (IsIn(context, ValidatingNetwork))
        {
            await PublishAsync(context, new ValidateNetwork(id, resourceId, operationId));
        }
        else if (IsIn(context, ConfiguringDnsAndIgnition))
        {
            if (!saga.DnsFinished)
            {
                await PublishAsync(context, new ConfigureDns(id, resourceId, operationId));
            }

            if (!saga.IgnitionFinished)
            {
                await PublishAsync(context, new GenerateIgnition(id, resourceId, operationId));
            }
        }
        else if (IsIn(context, ProvisioningVirtualMachines))
        {
            await PublishAsync(context, new ProvisionVirtualMachines(id, resourceId, operationId));
        }
        else if (IsIn(context, IssuingCredentials))
        {
            await PublishAsync(context, new IssueCredentials(id, resourceId, operationId));
        }
        else if (IsIn(context, Scaling) || IsIn(context, Updating))
        {
            await PublishAsync(context, new ScaleWorkers(id, resourceId, operationId, saga.WorkerCount ?? throw new InvalidOperationException("Scaling needs a worker count.")));
        }
        else if (IsIn(context, Deleting))
        {
            await PublishAsync(context, new TearDownCluster(id, resourceId, operationId));
        }
    }

    private int PercentComplete(string step) =>
        step == ValidatingNetwork.Name ? 10
        : step == ConfiguringDnsAndIgnition.Name ? 25
        : step == IssuingCredentials.Name ? 85
        : 50;

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
    private static Task PublishAsync<T>(BehaviorContext<ClusterLifecycleState> context, T message)
        where T : class
    {
        var saga = context.Saga;
        var messageId = DeterministicMessageId.Create(saga.CorrelationId, saga.OperationId, saga.CurrentState, saga.Attempt, typeof(T));
        return context.Publish(message, publish => publish.MessageId = messageId);
    }
}
