using System.Net;
using Aro.Api.Model;
using Aro.Frontend.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Frontend.Tests.AsyncOperations;

/// <summary>ARM keeps operation results for 7 days: both polling endpoints forget an operation after that.</summary>
public sealed class AsyncOperationReaderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RpFactory _factory;
    private readonly ArmTestClient _arm;

    public AsyncOperationReaderTests()
    {
        _factory = new RpFactory(services => services.AddSingleton<TimeProvider>(_time));
        _arm = new ArmTestClient(_factory.CreateArmClient());
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("operationsstatus", HttpStatusCode.OK)]
    [InlineData("operationresults", HttpStatusCode.Accepted)]
    public async Task An_operation_that_never_ended_expires_7_days_after_it_started(string endpoint, HttpStatusCode whileKept)
    {
        var operationId = await StartOperationAsync();

        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(whileKept, (await _arm.GetAsync(PathOf(endpoint, operationId))).StatusCode);

        _time.Advance(TimeSpan.FromSeconds(1));
        await (await _arm.GetAsync(PathOf(endpoint, operationId))).AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The entity was not found.");
    }

    [Theory]
    [InlineData("operationsstatus")]
    [InlineData("operationresults")]
    public async Task An_ended_operation_expires_7_days_after_its_end_time(string endpoint)
    {
        var operationId = await StartOperationAsync();
        _time.Advance(TimeSpan.FromDays(3));
        await _factory.UpdateClusterAsync(_arm.SubscriptionId, _arm.ClusterPath("aging"), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);
        await _factory.UpdateOperationAsync(_arm.SubscriptionId, operationId, d =>
        {
            d.AsyncOperation.Status = ProvisioningState.Succeeded;
            d.AsyncOperation.EndTime = _time.GetUtcNow();
        });

        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.OK, (await _arm.GetAsync(PathOf(endpoint, operationId))).StatusCode);

        _time.Advance(TimeSpan.FromSeconds(1));
        await (await _arm.GetAsync(PathOf(endpoint, operationId))).AssertCloudErrorAsync(HttpStatusCode.NotFound, "NotFound", "The entity was not found.");
    }

    [Fact]
    public async Task The_retention_is_a_frontend_option()
    {
        using var factory = new RpFactory(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Configure<FrontendOptions>(options => options.AsyncOperationRetentionDays = 1);
        });
        var arm = new ArmTestClient(factory.CreateArmClient());
        await arm.RegisterSubscriptionAsync();
        var created = await arm.PutClusterAsync("short-lived");
        var status = new Uri(created.Headers.GetValues("Azure-AsyncOperation").Single()).PathAndQuery;

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await arm.GetAsync(status)).StatusCode);
    }

    private async Task<string> StartOperationAsync()
    {
        await _arm.RegisterSubscriptionAsync();
        var created = await _arm.PutClusterAsync("aging");
        await created.AssertStatusAsync(HttpStatusCode.Created);
        return new Uri(created.Headers.GetValues("Azure-AsyncOperation").Single()).Segments.Last();
    }

    private string PathOf(string endpoint, string operationId) =>
        $"/subscriptions/{_arm.SubscriptionId}/providers/Microsoft.RedHatOpenShift/locations/eastus/{endpoint}/{operationId}?api-version=2020-04-30";
}
