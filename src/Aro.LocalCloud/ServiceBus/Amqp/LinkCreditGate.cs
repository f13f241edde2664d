using Microsoft.Azure.Amqp;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// Holds the credit a receiver grants on a link out of an entity until that link is open. A prefetching SDK receiver
/// sends its first flow right behind its attach, so that flow can reach the broker while the link is still being
/// opened: delivering on it then puts transfers on the wire ahead of the broker's attach, and the SDK aborts the link
/// (ServiceTimeout). Listening from the link's creation also means no credit granted before the consumer exists is lost.
/// </summary>
internal sealed class LinkCreditGate
{
    private readonly Lock _gate = new();
    private readonly SendingAmqpLink _link;
    private Action<uint, bool>? _target;
    private ulong _held;

    /// <summary>Must be created with the link, before the session can route a flow to it.</summary>
    public LinkCreditGate(SendingAmqpLink link)
    {
        _link = link;
        link.RegisterCreditListener(OnCredit);
    }

    /// <summary>Once the link is open (its attach sent), hands the held credit to target, then every later grant as it comes.</summary>
    public void ForwardWhenOpen(Action<uint, bool> target) =>
        _link.Opened += (_, _) =>
        {
            lock (_gate)
            {
                _target = target;
                if (_held > 0)
                {
                    target((uint)Math.Min(_held, uint.MaxValue), false);
                    _held = 0;
                }
            }
        };

    private void OnCredit(uint credit, bool drain, ArraySegment<byte> transactionId)
    {
        // Under the gate so a grant never overtakes the held credit it follows.
        lock (_gate)
        {
            if (_target is not null)
            {
                _target(credit, drain);
                return;
            }

            // A drain before the link opened leaves nothing: the link zeroes its credit once this returns.
            _held = drain ? 0 : _held + credit;
        }
    }
}
