namespace Aro.LocalCloud.ServiceBus;

/// <summary>The Service Bus namespace cannot start as configured; the message is one line naming the setting to fix.</summary>
public sealed class ServiceBusConfigurationException : InvalidOperationException
{
    public ServiceBusConfigurationException(string message)
        : base(message)
    {
    }

    public ServiceBusConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
