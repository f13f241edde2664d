using Aro.Rp.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Tests.Hosting;

/// <summary>Settings that cannot become their option's type are all found before binding, each named by its variable.</summary>
public sealed class ConfigurationValueCheckTests
{
    [Theory]
    [InlineData("Orchestration:StepTimeout", "10", "ARO_STEP_TIMEOUT", "bare number")]
    [InlineData("Orchestration:StepTimeout", "ten minutes", "ARO_STEP_TIMEOUT", "not a duration")]
    [InlineData("Orchestration:MaxStepAttempts", "many", "ARO_MAX_STEP_ATTEMPTS", "whole number")]
    [InlineData("Orchestration:MaxStepAttempts", "99999999999", "ARO_MAX_STEP_ATTEMPTS", "whole number")]
    [InlineData("Messaging:RabbitMq:UseTls", "yes", "ARO_RABBITMQ_TLS", "true or false")]
    [InlineData("Messaging:RabbitMq:Port", "5672x", "ARO_RABBITMQ_PORT", "whole number")]
    [InlineData("Messaging:ServiceBus:SendBatchLimit", "abc", "ARO_SERVICEBUS_SEND_BATCH_LIMIT", "whole number")]
    [InlineData("Messaging:ServiceBus:PrefetchCount", "16x", "ARO_SERVICEBUS_PREFETCH_COUNT", "whole number")]
    [InlineData("Messaging:ServiceBus:CreateTopology", "yes", "ARO_SERVICEBUS_CREATE_TOPOLOGY", "true or false")]
    public void An_unusable_value_is_one_line_naming_its_variable(string key, string value, string variable, string why)
    {
        var (problemKey, problem) = Assert.Single(ConfigurationValueCheck.Problems(Configuration((key, value))));

        Assert.Equal(key, problemKey);
        Assert.StartsWith($"{variable}=", problem, StringComparison.Ordinal);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Every_unusable_value_is_reported_at_once()
    {
        var problems = ConfigurationValueCheck.Problems(Configuration(
            ("Orchestration:StepTimeout", "10"),
            ("Orchestration:MaxStepAttempts", "many"),
            ("Messaging:RabbitMq:UseTls", "yes")));

        Assert.Equal(["ARO_MAX_STEP_ATTEMPTS", "ARO_RABBITMQ_TLS", "ARO_STEP_TIMEOUT"], problems.Select(p => p.Problem.Split('=')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Usable_values_are_not_problems()
    {
        Assert.Empty(ConfigurationValueCheck.Problems(Configuration(
            ("Orchestration:StepTimeout", "00:10:00"),
            ("Orchestration:MaxStepAttempts", "3"),
            ("Messaging:RabbitMq:UseTls", "True"),
            ("Messaging:RabbitMq:Port", "5671"),
            ("Rp:ListenUrl", "https://localhost:8443"))));
    }

    [Fact]
    public void A_long_value_is_echoed_shortened_on_one_line()
    {
        var (_, problem) = Assert.Single(ConfigurationValueCheck.Problems(Configuration(("Orchestration:MaxStepAttempts", new string('9', 40) + "\r\n" + new string('x', 500)))));

        Assert.DoesNotContain('\n', problem);
        Assert.DoesNotContain('\r', problem);
        Assert.True(problem.Length < 300, problem);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
