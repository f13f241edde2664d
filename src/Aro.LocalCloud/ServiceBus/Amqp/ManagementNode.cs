using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// The {entity}/$management node: the operations the SDK does over request/response rather than on its links
/// (lock renewal, peek, scheduling, deferred messages and their settlement).
/// </summary>
internal sealed class ManagementNode(ServiceBusNamespace serviceBus, ServiceBusFaults faults) : RequestResponseNode
{
    private static readonly object DeferredLockHolder = new();

    protected override async Task<AmqpMessage> HandleAsync(AmqpMessage request, AmqpConnection connection, string entityPath)
    {
        if (await faults.ApplyAsync(ServiceBusFaults.Management) is { } fault)
        {
            return ManagementResponses.Error(503, fault.Condition, fault.Description);
        }

        var operation = request.ApplicationProperties.Map["operation"] as string;
        var body = request.ValueBody?.Value as AmqpMap ?? [];
        return operation switch
        {
            "com.microsoft:renew-lock" => WithStore(entityPath, store => RenewLock(store, body)),
            "com.microsoft:peek-message" => WithStore(entityPath, store => Peek(store, body)),
            "com.microsoft:receive-by-sequence-number" => WithStore(entityPath, store => ReceiveDeferred(store, body)),
            "com.microsoft:update-disposition" => WithStore(entityPath, store => UpdateDisposition(store, body)),
            "com.microsoft:schedule-message" => Schedule(entityPath, body),
            "com.microsoft:cancel-scheduled-message" => CancelScheduled(entityPath, body),
            _ => ManagementResponses.Error(501, AmqpErrorCode.NotImplemented,
                $"The operation '{operation}' is not supported by the local cloud's Service Bus (sessions, rules over AMQP and transactions are not)."),
        };
    }

    private AmqpMessage WithStore(string entityPath, Func<MessageStore, AmqpMessage> operation) =>
        serviceBus.FindStore(entityPath) is { } store
            ? operation(store)
            : ManagementResponses.Error(404, AmqpErrorCode.NotFound, $"The messaging entity '{entityPath}' could not be found.");

    private static AmqpMessage RenewLock(MessageStore store, AmqpMap body)
    {
        var expirations = new List<DateTime>();
        foreach (var lockToken in Get<Guid[]>(body, "lock-tokens") ?? [])
        {
            if (store.RenewLock(lockToken) is not { } until)
            {
                return LockLost();
            }

            expirations.Add(until);
        }

        return ManagementResponses.Ok(new AmqpMap { [new MapKey("expirations")] = expirations.ToArray() });
    }

    private static AmqpMessage Peek(MessageStore store, AmqpMap body)
    {
        var from = Convert.ToInt64(body[new MapKey("from-sequence-number")] ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        var count = Convert.ToInt32(body[new MapKey("message-count")] ?? 1, System.Globalization.CultureInfo.InvariantCulture);
        var messages = store.Peek(from, count);
        if (messages.Count == 0)
        {
            return ManagementResponses.NoContent();
        }

        var list = messages.Select(m => (object)new AmqpMap
        {
            [new MapKey("message")] = new ArraySegment<byte>(AmqpMessageCodec.Serialize(AmqpMessageCodec.ToDelivery(m, locked: false))),
        }).ToList();
        return ManagementResponses.Ok(new AmqpMap { [new MapKey("messages")] = list });
    }

    private static AmqpMessage ReceiveDeferred(MessageStore store, AmqpMap body)
    {
        var sequenceNumbers = Get<long[]>(body, "sequence-numbers") ?? [];
        var receiveAndDelete = Convert.ToUInt32(body[new MapKey("receiver-settle-mode")] ?? 1u, System.Globalization.CultureInfo.InvariantCulture) == 0;
        var messages = store.ReceiveDeferred(sequenceNumbers, DeferredLockHolder, receiveAndDelete);
        if (messages is null)
        {
            return ManagementResponses.Error(410, AmqpErrors.MessageNotFound,
                $"A deferred message with one of the sequence numbers {string.Join(", ", sequenceNumbers)} was not found.");
        }

        var list = messages.Select(m => (object)new AmqpMap
        {
            [new MapKey("message")] = new ArraySegment<byte>(AmqpMessageCodec.Serialize(AmqpMessageCodec.ToDelivery(m, locked: !receiveAndDelete))),
            [new MapKey("lock-token")] = m.LockToken,
        }).ToList();
        return ManagementResponses.Ok(new AmqpMap { [new MapKey("messages")] = list });
    }

    private static AmqpMessage UpdateDisposition(MessageStore store, AmqpMap body)
    {
        var status = body[new MapKey("disposition-status")] as string;
        var reason = body[new MapKey("deadletter-reason")] as string;
        var description = body[new MapKey("deadletter-description")] as string;
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (body[new MapKey("properties-to-modify")] is AmqpMap modify)
        {
            foreach (var pair in modify)
            {
                if (pair.Value is not null)
                {
                    properties[pair.Key.Key.ToString()!] = pair.Value;
                }
            }
        }

        foreach (var lockToken in Get<Guid[]>(body, "lock-tokens") ?? [])
        {
            var outcome = status switch
            {
                "completed" => store.Complete(lockToken),
                "abandoned" => store.Abandon(lockToken, properties),
                "suspended" => store.DeadLetter(lockToken, reason, description, properties),
                "defered" => store.Defer(lockToken, properties),
                _ => SettlementOutcome.LockLost,
            };
            if (outcome != SettlementOutcome.Settled)
            {
                return LockLost();
            }
        }

        return ManagementResponses.Ok();
    }

    private AmqpMessage Schedule(string entityPath, AmqpMap body)
    {
        if (body[new MapKey("messages")] is not IEnumerable<object> messages)
        {
            return ManagementResponses.Error(400, AmqpErrors.ArgumentError, "messages is required.");
        }

        var sequenceNumbers = new List<long>();
        foreach (var entry in messages.OfType<AmqpMap>())
        {
            var encoded = entry[new MapKey("message")] switch
            {
                ArraySegment<byte> segment => segment.ToArray(),
                byte[] bytes => bytes,
                _ => null,
            };
            if (encoded is null)
            {
                return ManagementResponses.Error(400, AmqpErrors.ArgumentError, "A scheduled message has no body.");
            }

            if (serviceBus.Schedule(entityPath, AmqpMessageCodec.ToIncoming(encoded)) is not { } sequenceNumber)
            {
                return ManagementResponses.Error(404, AmqpErrorCode.NotFound, $"The messaging entity '{entityPath}' could not be found.");
            }

            sequenceNumbers.Add(sequenceNumber);
        }

        return ManagementResponses.Ok(new AmqpMap { [new MapKey("sequence-numbers")] = sequenceNumbers.ToArray() });
    }

    private AmqpMessage CancelScheduled(string entityPath, AmqpMap body) =>
        serviceBus.CancelScheduled(entityPath, Get<long[]>(body, "sequence-numbers") ?? [])
            ? ManagementResponses.Ok()
            : ManagementResponses.Error(404, AmqpErrorCode.NotFound, $"The messaging entity '{entityPath}' could not be found.");

    private static T? Get<T>(AmqpMap body, string key) where T : class => body[new MapKey(key)] as T;

    private static AmqpMessage LockLost() =>
        ManagementResponses.Error(410, AmqpErrors.MessageLockLost,
            "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.");
}
