using Aro.Messaging.DeadLetters;
using Aro.Messaging.ServiceBus.DeadLetters;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Messaging.ServiceBus;

/// <summary>
/// Azure Service Bus (<c>ARO_TRANSPORT=servicebus</c>): queues, topics and forwarding subscriptions shared by many
/// processes. The broker holds scheduled messages itself (<c>UsingAroServiceBus</c> registers its scheduler), so step
/// timeouts need no store-backed scheduler.
/// </summary>
public sealed class ServiceBusTransport : IMessageTransport
{
    public const string TransportName = "servicebus";

    public string Name => TransportName;

    public bool ReachesOtherProcesses => true;

    public bool SchedulesThroughStore => false;

    public void AddOptions(IServiceCollection services, IConfigurationSection messaging)
    {
        services.AddOptions<ServiceBusTransportOptions>()
            .Bind(messaging.GetSection(ServiceBusTransportOptions.SubsectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceBusTransportOptions>, OptionsValidation>();
    }

    public void UseTransport(IBusRegistrationConfigurator bus) =>
        bus.UsingAroServiceBus((context, transport) => transport.ConfigureEndpoints(context));

    public Task<IDeadLetterQueues?> OpenDeadLetterQueuesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult<IDeadLetterQueues?>(ServiceBusDeadLetterQueues.Connect(services.GetRequiredService<IOptions<ServiceBusTransportOptions>>().Value));

    /// <summary>The validator's one line (naming the variable to set) is what the host prints when it refuses to start.</summary>
    private sealed class OptionsValidation : IValidateOptions<ServiceBusTransportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceBusTransportOptions options) =>
            ServiceBusTransportOptionsValidator.Validate(options) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
