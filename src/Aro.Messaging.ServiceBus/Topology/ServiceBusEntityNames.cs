using System.Security.Cryptography;
using System.Text;
using MassTransit;

namespace Aro.Messaging.ServiceBus.Topology;

/// <summary>
/// The names of the entities the transport uses, following the conventions operators of MassTransit on
/// Service Bus know: a queue per endpoint (the RP's kebab-case endpoint names), a topic per message type
/// named "Namespace/TypeName", and on each topic one subscription per consuming endpoint, forwarding into
/// that endpoint's queue. Infra declares the same names in production, so they must be stable.
/// </summary>
public static class ServiceBusEntityNames
{
    /// <summary>The broker's limit on queue and topic paths.</summary>
    public const int MaxEntityPathLength = 260;

    /// <summary>The broker's limit on subscription names.</summary>
    public const int MaxSubscriptionNameLength = 50;

    /// <summary>The name of the dead-letter sub-queue the broker keeps under every queue and subscription.</summary>
    public const string DeadLetterQueueSuffix = "/$DeadLetterQueue";

    /// <summary>The queue of a receive endpoint: the endpoint name as the formatter gave it, checked against the broker's rules.</summary>
    public static string Queue(string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        var problem = EntityPathProblem(endpointName);
        return problem is null ? endpointName : throw new ArgumentException($"'{endpointName}' cannot be a Service Bus queue: {problem}.", nameof(endpointName));
    }

    /// <summary>The topic a message type is published to: "Namespace/TypeName", generic arguments appended with '_'.</summary>
    public static string Topic(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        var name = string.IsNullOrEmpty(messageType.Namespace)
            ? TypeName(messageType)
            : messageType.Namespace + "/" + TypeName(messageType);
        return Shorten(name, MaxEntityPathLength);
    }

    public static string Topic<T>() => Topic(typeof(T));

    /// <summary>
    /// The subscription of an endpoint on a topic: the endpoint name, since a subscription lives under its
    /// topic; names longer than the broker's 50 characters keep a readable prefix and a stable hash.
    /// </summary>
    public static string Subscription(string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        var name = endpointName.Replace('/', '-');
        return Shorten(name, MaxSubscriptionNameLength);
    }

    /// <summary>The dead-letter sub-queue of a queue, as receivers address it.</summary>
    public static string DeadLetterQueueOf(string queue) => queue.EndsWith(DeadLetterQueueSuffix, StringComparison.Ordinal) ? queue : queue + DeadLetterQueueSuffix;

    /// <summary>The queue a dead-letter queue belongs to; a queue name stays as it is.</summary>
    public static string QueueOfDeadLetterQueue(string queue) => queue.EndsWith(DeadLetterQueueSuffix, StringComparison.Ordinal) ? queue[..^DeadLetterQueueSuffix.Length] : queue;

    /// <summary>The endpoint queue for one of the RP's consumer types, named as on RabbitMQ.</summary>
    public static string ConsumerQueue<TConsumer>()
        where TConsumer : class, IConsumer => KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>();

    /// <summary>Why a path is not a valid queue or topic path, or null when it is.</summary>
    public static string? EntityPathProblem(string path)
    {
        if (path.Length > MaxEntityPathLength)
        {
            return $"longer than {MaxEntityPathLength} characters";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "an empty segment between slashes";
            }

            if (!char.IsLetterOrDigit(segment[0]) || !char.IsLetterOrDigit(segment[^1]))
            {
                return "each segment must start and end with a letter or digit";
            }

            if (segment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            {
                return "only letters, digits, '.', '-', '_' and '/' are allowed";
            }
        }

        return null;
    }

    private static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (type.IsNested && type.DeclaringType is { } outer)
        {
            name = TypeName(outer) + "-" + name;
        }

        if (type.IsGenericType)
        {
            name += string.Concat(type.GetGenericArguments().Select(argument => "_" + TypeName(argument)));
        }

        return name;
    }

    private static string Shorten(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(maxLength - hash.Length - 1)].TrimEnd('-', '.', '_', '/') + "-" + hash;
    }
}
