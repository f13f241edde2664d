using Aro.LocalCloud.Faults;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// The local cloud's fault injector applied to Service Bus operations, named "ServiceBus/{connect|send|receive|settle|management}".
/// A hit answers with the fault's code when it is an AMQP condition ("amqp:..." / "com.microsoft:..."), else server-busy.
/// </summary>
internal sealed class ServiceBusFaults(FaultInjector injector)
{
    public const string Connect = "ServiceBus/connect";
    public const string Send = "ServiceBus/send";
    public const string Receive = "ServiceBus/receive";
    public const string Settle = "ServiceBus/settle";
    public const string Management = "ServiceBus/management";

    /// <summary>Waits any configured latency; the error to answer with when a fault is armed, else null.</summary>
    public async ValueTask<Error?> ApplyAsync(string operation)
    {
        var rule = await injector.ApplyAsync(operation, CancellationToken.None);
        if (rule is null)
        {
            return null;
        }

        var condition = rule.Code.Contains(':', StringComparison.Ordinal) ? rule.Code : AmqpErrors.ServerBusy.Value;
        return AmqpErrors.Error(condition, rule.Message);
    }

    public async ValueTask ThrowIfFaultedAsync(string operation)
    {
        if (await ApplyAsync(operation) is { } error)
        {
            throw new AmqpException(error);
        }
    }
}
