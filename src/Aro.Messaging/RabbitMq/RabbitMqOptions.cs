namespace Aro.Messaging.RabbitMq;

/// <summary>The RabbitMQ broker (section "Messaging:RabbitMq"), used when the transport is rabbitmq.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Its subsection of "Messaging".</summary>
    public const string SectionName = "RabbitMq";

    public string Host { get; set; } = "localhost";

    /// <summary>The AMQP port; 5672, or 5671 with TLS, when not set.</summary>
    public int? Port { get; set; }

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Connect with TLS, checking the broker's certificate against <see cref="Host"/>.</summary>
    public bool UseTls { get; set; }

    public int EffectivePort => Port ?? (UseTls ? 5671 : 5672);
}
