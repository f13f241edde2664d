namespace Aro.Messaging.RabbitMq.DeadLetters;

/// <summary>Where MassTransit on RabbitMQ moves the messages an endpoint gave up on: <c>&lt;queue&gt;_error</c>.</summary>
public static class ErrorQueueName
{
    public const string Suffix = "_error";

    /// <summary>The error queue an operator means: "validate-network" and "validate-network_error" both name validate-network_error.</summary>
    public static string Of(string queue) => queue.EndsWith(Suffix, StringComparison.Ordinal) ? queue : queue + Suffix;
}
