using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>The AMQP error conditions the SDK maps to <c>ServiceBusFailureReason</c>.</summary>
internal static class AmqpErrors
{
    public static readonly AmqpSymbol MessageLockLost = "com.microsoft:message-lock-lost";
    public static readonly AmqpSymbol MessageNotFound = "com.microsoft:message-not-found";
    public static readonly AmqpSymbol ServerBusy = "com.microsoft:server-busy";
    public static readonly AmqpSymbol ArgumentError = "com.microsoft:argument-error";
    public static readonly AmqpSymbol DeadLetter = "com.microsoft:dead-letter";

    public static AmqpException NotFound(string path) =>
        new(AmqpErrorCode.NotFound, $"The messaging entity '{path}' could not be found.");

    public static AmqpException Unauthorized(string message) => new(AmqpErrorCode.UnauthorizedAccess, message);

    public static AmqpException NotSupported(string feature) =>
        new(AmqpErrorCode.NotImplemented, $"{feature} is not supported by the local cloud's Service Bus.");

    public static Error Error(AmqpSymbol condition, string description) => new() { Condition = condition, Description = description };
}
