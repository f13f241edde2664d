using System.Net;
using Aro.Persistence.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Hosting;

/// <summary>What <c>aro-rp frontend</c> and <c>aro-rp backend</c> (Rp:Components) put in one process.</summary>
public sealed class RpComponentsTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-components-tests-").FullName;

    [Fact]
    public async Task A_backend_serves_health_but_no_ARM_API()
    {
        await using var backend = Host("backend");
        using var client = backend.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await ReadinessOnceStartedAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30")).StatusCode);
        Assert.Contains(backend.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service.GetType().Name == "UnsettledOperationReconciler");
    }

    [Fact]
    public async Task A_frontend_serves_the_ARM_API_and_runs_no_backend()
    {
        await using var frontend = Host("frontend");
        using var client = frontend.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/providers/Microsoft.RedHatOpenShift/operations?api-version=2020-04-30")).StatusCode);
        Assert.DoesNotContain(frontend.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service.GetType().Name == "UnsettledOperationReconciler");
        Assert.NotNull(frontend.Services.GetService<IOpenShiftClusterStore>());
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>
    /// The readiness answer once the bus has had time to start: the host's start returns before the bus is up
    /// (MassTransit starts it in the background), so a busy machine can answer the first probe 503.
    /// </summary>
    private static async Task<HttpStatusCode> ReadinessOnceStartedAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var status = (await client.GetAsync("/healthz/ready")).StatusCode;
            if (status == HttpStatusCode.OK || DateTimeOffset.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private WebApplicationFactory<Program> Host(string components) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rp:Components", components);
            builder.UseSetting("Rp:DataDirectory", _dataDirectory);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // Never reached: nothing is provisioned in these tests.
            builder.UseSetting("LocalCloud:Url", "https://localhost:1");
        });
}
