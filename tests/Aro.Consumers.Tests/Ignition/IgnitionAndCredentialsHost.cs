using Aro.Cloud;
using Aro.Consumers.Clusters;
using Aro.Consumers.Ignition;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.Tests.Pki;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.Ignition;

/// <summary>
/// What a host gives the Ignition and credentials steps, in memory: the cluster documents, the RP's zone, the
/// services of AddAroIgnitionAndCredentials and one step consumer on the MassTransit test harness.
/// </summary>
internal static class IgnitionAndCredentialsHost
{
    /// <param name="documents">The cluster store the services read and update.</param>
    /// <param name="configure">The test's own registrations (an Ignition store, an endpoint resolver), made after the services'.</param>
    public static ServiceProvider Build<TConsumer, TDefinition>(InMemoryClusters documents, Action<IServiceCollection>? configure = null)
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        var services = new ServiceCollection()
            .AddSingleton<IClusterDocuments>(documents)
            .Configure<CloudOptions>(TestClusters.ConfigureCloud)
            .AddAroIgnitionAndCredentials();
        configure?.Invoke(services);
        return services
            .AddMassTransitTestHarness(bus =>
            {
                // Issuing credentials generates RSA keys: on a busy two-core machine that alone can pass the
                // harness's default 30 s. This bounds the wait; the assertions are unchanged.
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(2), testInactivityTimeout: ConsumerTestTimeouts.Inactivity);
                bus.AddConsumer<TConsumer, TDefinition>();
            })
            .BuildServiceProvider(validateScopes: true);
    }
}
