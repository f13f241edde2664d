using Azure.Messaging.ServiceBus;

namespace Aro.Messaging.ServiceBus;

/// <summary>
/// Checks the settings before the bus starts, so a misconfiguration is one line naming the variable to set
/// rather than an AMQP error minutes later.
/// </summary>
public static class ServiceBusTransportOptionsValidator
{
    /// <summary>The first problem found, as one line naming the environment variable; null when the settings are usable.</summary>
    public static string? Validate(ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.UsesConnectionString)
        {
            if (ConnectionStringProblem(options.ConnectionString!) is { } problem)
            {
                return $"{ServiceBusEnvironmentVariables.ConnectionString} is not a Service Bus connection string: {problem}.";
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            return $"Set {ServiceBusEnvironmentVariables.Namespace} (e.g. contoso.servicebus.windows.net) or {ServiceBusEnvironmentVariables.ConnectionString} to use the Service Bus transport.";
        }
        else if (!IsFullyQualifiedNamespace(options.Namespace))
        {
            return $"{ServiceBusEnvironmentVariables.Namespace} must be a fully qualified host name such as contoso.servicebus.windows.net, not '{options.Namespace}'.";
        }

        if (options.PrefetchCount < 0)
        {
            return $"{ServiceBusEnvironmentVariables.PrefetchCount} must be 0 or more.";
        }

        if (options.ConcurrentMessageLimit < 1)
        {
            return $"{ServiceBusEnvironmentVariables.ConcurrentMessageLimit} must be 1 or more.";
        }

        if (options.SendBatchLimit is < 1 or > 1000)
        {
            return $"{ServiceBusEnvironmentVariables.SendBatchLimit} must be between 1 (each message sent alone) and 1000.";
        }

        if (options.MaxDeliveryCount < 1)
        {
            return "Messaging:ServiceBus:MaxDeliveryCount must be 1 or more.";
        }

        if (options.MaxAutoLockRenewalDuration < TimeSpan.Zero)
        {
            return "Messaging:ServiceBus:MaxAutoLockRenewalDuration must not be negative.";
        }

        if (options.DuplicateDetectionWindow < TimeSpan.FromSeconds(20) || options.DuplicateDetectionWindow > TimeSpan.FromDays(7))
        {
            return "Messaging:ServiceBus:DuplicateDetectionWindow must be between 20 seconds and 7 days (the broker's limits).";
        }

        if (options.LockDuration < TimeSpan.FromSeconds(5) || options.LockDuration > TimeSpan.FromMinutes(5))
        {
            return "Messaging:ServiceBus:LockDuration must be between 5 seconds and 5 minutes (the broker's limits).";
        }

        return null;
    }

    private static bool IsFullyQualifiedNamespace(string value) =>
        !value.Contains("://", StringComparison.Ordinal)
        && value.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(value) == UriHostNameType.Dns;

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            // The SDK's own parser: what it accepts here is what the client accepts at start-up.
            var properties = ServiceBusConnectionStringProperties.Parse(connectionString);
            if (properties.Endpoint is null)
            {
                return "it has no Endpoint";
            }

            var hasKey = !string.IsNullOrEmpty(properties.SharedAccessKeyName) && !string.IsNullOrEmpty(properties.SharedAccessKey);
            if (!hasKey && string.IsNullOrEmpty(properties.SharedAccessSignature))
            {
                return "it has neither SharedAccessKeyName/SharedAccessKey nor SharedAccessSignature";
            }

            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message.TrimEnd('.');
        }
        catch (ArgumentException exception)
        {
            return exception.Message.TrimEnd('.');
        }
    }
}
