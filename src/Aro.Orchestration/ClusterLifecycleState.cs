using MassTransit;

namespace Aro.Orchestration;

/// <summary>One cluster's lifecycle: the operation in progress, its step and what that step has gathered so far.</summary>
public sealed class ClusterLifecycleState : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The cluster id every message carries (derived from the lower-cased resource id).</summary>
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    /// <summary>Optimistic concurrency: the version the instance was read at.</summary>
    public int Version { get; set; }

    public string ResourceId { get; set; } = "";

    /// <summary>The async operation in progress (or the last one, once Running or Failed); outcomes of any other are ignored.</summary>
    public string OperationId { get; set; } = "";

    public ClusterOperationKind Operation { get; set; }

    /// <summary>The last worker count asked for or reported; unknown until a scale.</summary>
    public int? WorkerCount { get; set; }

    /// <summary>
    /// Fork/join of the DNS and Ignition steps, which run in parallel: whether each branch has answered,
    /// successfully or not (a failed branch's error is in <see cref="ErrorCode"/>).
    /// </summary>
    public bool DnsFinished { get; set; }

    public bool IgnitionFinished { get; set; }

    /// <summary>
    /// The last step the operation entered and how far that puts it (docs/state-machine.md): the operation's progress
    /// as operationsstatus shows it, kept here because this instance is written on every transition anyway. Cleared
    /// when an operation begins.
    /// </summary>
    public string? Step { get; set; }

    public int? PercentComplete { get; set; }

    /// <summary>How many times the current step's command went out (1 on entering the step).</summary>
    public int Attempt { get; set; }

    public Guid? StepTimeoutTokenId { get; set; }

    /// <summary>The error the last operation failed with, re-published if its request arrives again.</summary>
    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ErrorTarget { get; set; }
}
