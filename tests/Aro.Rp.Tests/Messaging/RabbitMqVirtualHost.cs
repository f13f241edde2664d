namespace Aro.Rp.Tests.Messaging;

/// <summary>A test's own virtual host on the test broker, and the RP settings that point the rabbitmq transport at it.</summary>
internal sealed class RabbitMqVirtualHost(RabbitMqTestBroker broker, string name) : IAsyncDisposable
{
    public RabbitMqTestBroker Broker { get; } = broker;

    public string Name { get; } = name;

    /// <summary>Configuration keys as ARO_TRANSPORT and ARO_RABBITMQ_* set them.</summary>
    public Dictionary<string, string> RpSettings => new()
    {
        ["Messaging:Transport"] = "rabbitmq",
        ["Messaging:RabbitMq:Host"] = Broker.Host,
        ["Messaging:RabbitMq:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:VirtualHost"] = Name,
        ["Messaging:RabbitMq:Username"] = Broker.Username,
        ["Messaging:RabbitMq:Password"] = Broker.Password,
        ["Messaging:Scheduler:PollInterval"] = "00:00:00.100",
    };

    public async ValueTask DisposeAsync() => await Broker.Management.DeleteAsync($"vhosts/{Name}");
}
