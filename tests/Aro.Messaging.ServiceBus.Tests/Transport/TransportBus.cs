using Aro.Messaging.ServiceBus.Transport.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Messaging.ServiceBus.Tests.Transport;

/// <summary>A real bus on the local Service Bus, configured by the test, started, and stopped on dispose.</summary>
public sealed class TransportBus : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TransportBus(ServiceProvider provider)
    {
        _provider = provider;
        Control = provider.GetRequiredService<IBusControl>();
    }

    public IBusControl Control { get; }

    public IServiceProvider Services => _provider;

    /// <summary>
    /// Prefetch is 0: the local Service Bus does not serve prefetching receivers yet (SDK ServiceTimeout);
    /// the fix is on its own branch.
    /// </summary>
    public static ServiceBusTransportOptions OptionsFor(LocalServiceBusFixture bus, Action<ServiceBusTransportOptions>? change = null)
    {
        var options = new ServiceBusTransportOptions
        {
            ConnectionString = bus.Options.ConnectionString,
            AdministrationConnectionString = bus.Options.AdministrationConnectionString,
            PrefetchCount = 0,
            ConcurrentMessageLimit = 4,
            DuplicateDetectionWindow = TimeSpan.FromMinutes(1),
        };
        change?.Invoke(options);
        return options;
    }

    public static async Task<TransportBus> StartAsync(
        ServiceBusTransportOptions options,
        Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator> configure,
        Action<IBusRegistrationConfigurator>? register = null,
        bool createTopology = true)
    {
        var services = new ServiceCollection();
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            register?.Invoke(x);
            x.UsingAroServiceBus(options, createTopology, configure);
        });
        var bus = new TransportBus(services.BuildServiceProvider());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.Control.StartAsync(timeout.Token);
        return bus;
    }

    public async Task<ISendEndpoint> QueueAsync(string queue) => await Control.GetSendEndpoint(new Uri($"queue:{queue}"));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Control.StopAsync(timeout.Token);
        await _provider.DisposeAsync();
    }
}
