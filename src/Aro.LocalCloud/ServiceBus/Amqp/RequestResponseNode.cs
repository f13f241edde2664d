using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// An AMQP request/response node ($cbs, {entity}/$management): requests arrive on one link, and each
/// response goes back on the client's receiving link whose target is the request's reply-to address.
/// </summary>
internal abstract class RequestResponseNode
{
    private readonly ConcurrentDictionary<(AmqpConnection, string), SendingAmqpLink> _responders = new();

    public void Attach(AmqpLink link, string entityPath)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(message => _ = OnRequestAsync(message, entityPath));
            requests.SetTotalLinkCredit(100, true, true);
            return;
        }

        var responses = (SendingAmqpLink)link;
        var replyTo = ((Target)responses.Settings.Target).Address?.ToString() ?? "";
        var key = (responses.Session.Connection, replyTo);
        _responders[key] = responses;
        responses.SafeAddClosed((_, _) => _responders.TryRemove(new KeyValuePair<(AmqpConnection, string), SendingAmqpLink>(key, responses)));
    }

    protected abstract Task<AmqpMessage> HandleAsync(AmqpMessage request, AmqpConnection connection, string entityPath);

    private async Task OnRequestAsync(AmqpMessage request, string entityPath)
    {
        var link = (ReceivingAmqpLink)request.Link;
        try
        {
            link.AcceptMessage(request, false);
            var connection = link.Session.Connection;
            var replyTo = request.Properties?.ReplyTo?.ToString() ?? "";
            if (!_responders.TryGetValue((connection, replyTo), out var responder))
            {
                return;
            }

            AmqpMessage response;
            try
            {
                response = await HandleAsync(request, connection, entityPath);
            }
            catch (Exception exception)
            {
                response = ManagementResponses.Error(500, Microsoft.Azure.Amqp.AmqpErrorCode.InternalError, exception.Message);
            }

            response.Properties.CorrelationId = request.Properties!.MessageId;
            response.Settled = true;
            responder.SendMessageNoWait(response, AmqpConstants.EmptyBinary, AmqpConstants.NullBinary);
        }
        catch (Exception)
        {
            // A link or connection closed mid-request; the client times out and retries.
        }
        finally
        {
            request.Dispose();
        }
    }
}
