using Aro.Persistence.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>How the client is set up; nothing here talks to a server.</summary>
public sealed class CosmosDatabaseTests
{
    [Fact]
    public void The_client_uses_gateway_mode_on_its_endpoint_only_and_bounded_throttling_retries()
    {
        using var database = new CosmosDatabase(Options(allowUntrustedCertificates: false));
        var options = database.Client.ClientOptions;

        Assert.Equal(ConnectionMode.Gateway, options.ConnectionMode);
        Assert.True(options.LimitToEndpoint);
        Assert.Equal(9, options.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryWaitTimeOnRateLimitedRequests);
        Assert.Null(options.ServerCertificateCustomValidationCallback);
        // Only the store's operation counter: no work-around for a local server's reads.
        Assert.IsType<StoreOperationCountingHandler>(Assert.Single(options.CustomHandlers));
    }

    [Fact]
    public void Only_a_local_server_gets_its_certificate_accepted_and_its_read_work_around()
    {
        using var database = new CosmosDatabase(Options(allowUntrustedCertificates: true));
        var options = database.Client.ClientOptions;

        Assert.NotNull(options.ServerCertificateCustomValidationCallback);
        Assert.Equal([typeof(StoreOperationCountingHandler), typeof(LocalTestServerReadHandler)], options.CustomHandlers.Select(handler => handler.GetType()));
    }

    private static CosmosStoreOptions Options(bool allowUntrustedCertificates) => new()
    {
        Endpoint = "https://localhost:8081/",
        Key = CosmosTestServer.Key,
        DatabaseName = "aro",
        AllowUntrustedCertificates = allowUntrustedCertificates,
    };
}
