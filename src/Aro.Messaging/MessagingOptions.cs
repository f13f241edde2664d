using Aro.Messaging.Scheduling;

namespace Aro.Messaging;

/// <summary>Which transport the bus runs on (section "Messaging"); each transport binds its own subsection.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The <see cref="IMessageTransport.Name"/> of the transport to use; in memory unless set.</summary>
    public string Transport { get; set; } = InMemory.InMemoryTransport.TransportName;

    public StoredMessageSchedulerOptions Scheduler { get; set; } = new();
}
