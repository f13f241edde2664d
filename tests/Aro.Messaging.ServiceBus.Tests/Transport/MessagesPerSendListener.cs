using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Aro.Messaging.ServiceBus.Transport;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>Hears the transport's messages-per-send histogram for one entity: how many sends it took, carrying how many.</summary>
internal sealed class MessagesPerSendListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _sends = new();

    public MessagesPerSendListener(string entityPath)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServiceBusSendMetrics.MeterName && instrument.Name == ServiceBusSendMetrics.MessagesPerSendName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, messages, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "messaging.destination.name" && Equals(tag.Value, entityPath))
                {
                    _sends.Enqueue(messages);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The messages each send carried, in the order recorded.</summary>
    public IReadOnlyCollection<int> Sends => [.. _sends];

    public void Dispose() => _listener.Dispose();
}
