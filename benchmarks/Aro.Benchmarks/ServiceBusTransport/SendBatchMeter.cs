using System.Diagnostics.Metrics;
using Aro.Messaging.ServiceBus.Transport;

namespace Aro.Benchmarks.ServiceBusTransport;

/// <summary>
/// Listens to the transport's messages-per-send histogram and prints, when a benchmark case ends, how many sends its
/// rounds made and how many messages each carried on average: how much of the batching the load allowed.
/// </summary>
public sealed class SendBatchMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _sends;
    private long _messages;

    public SendBatchMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServiceBusSendMetrics.MeterName && instrument.Name == ServiceBusSendMetrics.MessagesPerSendName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, messages, _, _) =>
        {
            Interlocked.Increment(ref _sends);
            Interlocked.Add(ref _messages, messages);
        });
        _listener.Start();
    }

    public void Report(string benchmark)
    {
        var sends = Interlocked.Read(ref _sends);
        if (sends == 0)
        {
            return;
        }

        var messages = Interlocked.Read(ref _messages);
        Console.WriteLine($"// Sends, {benchmark}: {messages} messages in {sends} sends, {(double)messages / sends:F1} per send");
    }

    public void Dispose() => _listener.Dispose();
}
