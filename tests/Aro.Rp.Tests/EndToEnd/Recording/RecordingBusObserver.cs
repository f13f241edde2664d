using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;

namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>Every message the bus sends, publishes or hands to a consumer, as JSON, with its type name.</summary>
internal sealed class RecordingBusObserver : ISendObserver, IPublishObserver, IConsumeObserver
{
    private readonly ConcurrentQueue<(string Type, string Json)> _messages = new();

    public IReadOnlyCollection<(string Type, string Json)> Messages => _messages;

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Record(context.Message);

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Record(context.Message);

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Record(context.Message);

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    private Task Record(object message)
    {
        _messages.Enqueue((message.GetType().Name, JsonSerializer.Serialize(message, message.GetType())));
        return Task.CompletedTask;
    }
}
