using Aro.Messaging.DeadLetters;
using MassTransit;

namespace Aro.Messaging;

/// <summary>
/// A broker the bus can run on, selected by <c>ARO_TRANSPORT</c> (<c>Messaging:Transport</c>). A new transport is
/// one class implementing this, in its own folder or project, and one line in the host's list of transports:
/// nothing else names a transport.
/// </summary>
public interface IMessageTransport
{
    /// <summary>The value of <c>ARO_TRANSPORT</c> that selects it (compared ignoring case).</summary>
    string Name { get; }

    /// <summary>Whether messages reach other processes. An in-process bus loses whatever is in flight with the process.</summary>
    bool ReachesOtherProcesses { get; }

    /// <summary>
    /// Whether the broker cannot hold a message until it is due, so the saga's step timeouts go through the
    /// store-backed scheduler (<see cref="Scheduling.StoredMessageScheduler"/>), whose endpoint every backend hosts.
    /// </summary>
    bool SchedulesThroughStore { get; }

    /// <summary>Binds and validates the transport's own settings from the <c>Messaging</c> section; called only when selected.</summary>
    void AddOptions(IServiceCollection services, IConfigurationSection messaging);

    /// <summary>Builds the bus on this transport, with the endpoints the host registered.</summary>
    void UseTransport(IBusRegistrationConfigurator bus);

    /// <summary>
    /// Connects to where the broker keeps dead letters, with the settings <see cref="AddOptions"/> bound in
    /// <paramref name="services"/>; null when the transport keeps none (an in-process bus loses them with the process).
    /// </summary>
    Task<IDeadLetterQueues?> OpenDeadLetterQueuesAsync(IServiceProvider services, CancellationToken cancellationToken);
}
