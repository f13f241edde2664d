using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>A sender's link into a queue or topic: each transfer is accepted once the broker holds it, or rejected with the reason.</summary>
internal sealed class EntityPublisher
{
    private readonly ReceivingAmqpLink _link;
    private readonly string _path;
    private readonly ServiceBusNamespace _namespace;
    private readonly ServiceBusFaults _faults;
    private readonly int _maxMessageSize;

    public EntityPublisher(ReceivingAmqpLink link, string path, ServiceBusNamespace serviceBus, ServiceBusFaults faults, int maxMessageSize)
    {
        _link = link;
        _path = path;
        _namespace = serviceBus;
        _faults = faults;
        _maxMessageSize = maxMessageSize;
        link.RegisterMessageListener(OnMessage);
        link.SetTotalLinkCredit(200, true, true);
    }

    private async void OnMessage(AmqpMessage message)
    {
        Outcome outcome;
        try
        {
            outcome = await AcceptAsync(message);
        }
        catch (Exception exception)
        {
            outcome = new Rejected { Error = AmqpErrors.Error(AmqpErrorCode.InternalError, exception.Message) };
        }

        try
        {
            _link.DisposeMessage(message, outcome, true, message.Batchable);
        }
        catch (Exception)
        {
            // The link went away while we worked; the sender sees its own link error.
        }
        finally
        {
            message.Dispose();
        }
    }

    private async ValueTask<Outcome> AcceptAsync(AmqpMessage message)
    {
        if (await _faults.ApplyAsync(ServiceBusFaults.Send) is { } fault)
        {
            return new Rejected { Error = fault };
        }

        var encoded = AmqpMessageCodec.Raw(message);
        if (encoded.Length > _maxMessageSize)
        {
            return new Rejected
            {
                Error = AmqpErrors.Error(AmqpErrorCode.MessageSizeExceeded,
                    $"The message of {encoded.Length} bytes exceeds the limit of {_maxMessageSize} bytes."),
            };
        }

        var accepted = new List<IncomingMessage>();
        foreach (var single in AmqpMessageCodec.Unbatch(message, encoded))
        {
            accepted.Add(AmqpMessageCodec.ToIncoming(single));
        }

        foreach (var incoming in accepted)
        {
            if (!_namespace.Send(_path, incoming))
            {
                return new Rejected { Error = AmqpErrors.NotFound(_path).Error };
            }
        }

        return AmqpConstants.AcceptedOutcome;
    }
}
