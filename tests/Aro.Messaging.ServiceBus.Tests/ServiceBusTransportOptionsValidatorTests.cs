namespace Aro.Messaging.ServiceBus.Tests;

public sealed class ServiceBusTransportOptionsValidatorTests
{
    private const string EmulatorConnectionString =
        "Endpoint=sb://localhost:5673;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true";

    [Fact]
    public void A_fully_qualified_namespace_is_enough()
    {
        Assert.Null(ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = "contoso.servicebus.windows.net" }));
    }

    [Fact]
    public void The_local_cloud_connection_string_is_accepted()
    {
        Assert.Null(ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { ConnectionString = EmulatorConnectionString }));
    }

    [Fact]
    public void Neither_namespace_nor_connection_string_names_both_variables()
    {
        var problem = ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions());

        Assert.NotNull(problem);
        Assert.Contains(ServiceBusEnvironmentVariables.Namespace, problem);
        Assert.Contains(ServiceBusEnvironmentVariables.ConnectionString, problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Theory]
    [InlineData("contoso")]
    [InlineData("sb://contoso.servicebus.windows.net")]
    [InlineData("contoso servicebus")]
    public void A_namespace_that_is_not_a_host_name_is_rejected(string value)
    {
        var problem = ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = value });

        Assert.NotNull(problem);
        Assert.StartsWith(ServiceBusEnvironmentVariables.Namespace, problem);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("Endpoint=sb://localhost:5673")]
    public void A_broken_connection_string_is_rejected_without_echoing_secrets(string value)
    {
        var problem = ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { ConnectionString = value });

        Assert.NotNull(problem);
        Assert.StartsWith(ServiceBusEnvironmentVariables.ConnectionString, problem);
    }

    [Fact]
    public void A_connection_string_with_a_key_never_appears_in_the_message()
    {
        var options = new ServiceBusTransportOptions { ConnectionString = "Endpoint=localhost;SharedAccessKeyName=k;SharedAccessKey=SECRET-VALUE" };

        var problem = ServiceBusTransportOptionsValidator.Validate(options);

        Assert.DoesNotContain("SECRET-VALUE", problem ?? string.Empty);
    }

    [Fact]
    public void Limits_outside_the_brokers_range_are_rejected()
    {
        var valid = new ServiceBusTransportOptions { Namespace = "contoso.servicebus.windows.net" };

        Assert.Contains(ServiceBusEnvironmentVariables.ConcurrentMessageLimit, ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, ConcurrentMessageLimit = 0 }));
        Assert.Contains(ServiceBusEnvironmentVariables.PrefetchCount, ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, PrefetchCount = -1 }));
        Assert.Contains("DuplicateDetectionWindow", ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, DuplicateDetectionWindow = TimeSpan.FromSeconds(5) }));
        Assert.Contains("LockDuration", ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, LockDuration = TimeSpan.FromMinutes(10) }));
        Assert.Contains("MaxDeliveryCount", ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, MaxDeliveryCount = 0 }));
        Assert.Contains(ServiceBusEnvironmentVariables.SendBatchLimit, ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, SendBatchLimit = 0 }));
        Assert.Contains(ServiceBusEnvironmentVariables.SendBatchLimit, ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, SendBatchLimit = 1001 }));
        Assert.Null(ServiceBusTransportOptionsValidator.Validate(new ServiceBusTransportOptions { Namespace = valid.Namespace, SendBatchLimit = 1 }));
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    public void Topology_is_created_in_development_unless_told_otherwise(bool? setting, bool isDevelopment, bool expected)
    {
        Assert.Equal(expected, new ServiceBusTransportOptions { CreateTopology = setting }.ShouldCreateTopology(isDevelopment));
    }

    [Fact]
    public void Every_environment_variable_maps_into_the_options_section()
    {
        Assert.All(ServiceBusEnvironmentVariables.ConfigurationKeys, pair =>
        {
            Assert.StartsWith("ARO_SERVICEBUS_", pair.Key);
            Assert.StartsWith(ServiceBusTransportOptions.SectionName + ":", pair.Value);
            Assert.NotNull(typeof(ServiceBusTransportOptions).GetProperty(pair.Value[(ServiceBusTransportOptions.SectionName.Length + 1)..]));
        });
    }
}
