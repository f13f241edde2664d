using Aro.Messaging;
using Aro.Messaging.InMemory;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.ServiceBus;

namespace Aro.Rp.Hosting;

/// <summary>The transports ARO_TRANSPORT chooses from; a new one is one more line here (and its project reference).</summary>
internal static class MessageTransports
{
    public static IReadOnlyList<IMessageTransport> All { get; } =
    [
        new InMemoryTransport(),
        new RabbitMqTransport(),
        new ServiceBusTransport(),
    ];
}
