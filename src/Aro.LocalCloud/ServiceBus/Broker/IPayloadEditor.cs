namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>Rewrites an encoded message's application properties (dead-letter reason, properties to modify).</summary>
public interface IPayloadEditor
{
    byte[] WithApplicationProperties(byte[] payload, IReadOnlyDictionary<string, object> properties);
}
