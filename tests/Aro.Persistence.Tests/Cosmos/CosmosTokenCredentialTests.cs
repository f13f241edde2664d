using Aro.Persistence.Cosmos;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Aro.Persistence.Tests.Stores;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Persistence.Tests.Cosmos;

/// <summary>
/// Cosmos DB with an Entra ID credential instead of a key. The test server does not check tokens, so what is verified is
/// the client's side: it asks the credential for a token of the account's scope and sends it, and the server serves the
/// request. Whether Azure accepts the token (role assignment, scope) is not verified here.
/// </summary>
[Collection(CosmosCollection.Name)]
[Trait("Category", CosmosCollection.Category)]
public sealed class CosmosTokenCredentialTests(CosmosTestServer server) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _databaseName = $"aro-token-{Guid.NewGuid():N}";

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Without_a_key_the_store_authenticates_with_the_credentials_token_for_the_accounts_scope()
    {
        var credential = new RecordingCredential();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TokenCredential>(credential)
            .AddAroPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Persistence:Store"] = "cosmos",
                ["Persistence:DataDirectory"] = _directory.Path,
                ["Persistence:Cosmos:Endpoint"] = server.Endpoint,
                // A database of its own: its documents are sealed with this test's keys, which the shared database's
                // cross-subscription scans (ListUnsettled, ListByDomain) of the other tests could not open.
                ["Persistence:Cosmos:DatabaseName"] = _databaseName,
                ["Persistence:Cosmos:AllowUntrustedCertificates"] = "true",
                ["Persistence:Cosmos:UseAzureCredential"] = "true",
            }).Build());
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<CosmosDatabase>();
        await database.EnsureContainerAsync(ContainerNames.OpenShiftClusters, CancellationToken.None);
        var clusters = provider.GetRequiredService<IOpenShiftClusterStore>();

        OpenShiftClusterDocument? read;
        try
        {
            var created = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()), CancellationToken.None);
            read = await clusters.GetAsync(created.PartitionKey, created.Id, CancellationToken.None);
        }
        finally
        {
            await database.Client.GetDatabase(_databaseName).DeleteAsync();
        }

        Assert.NotNull(read);
        Assert.Equal($"https://{new Uri(server.Endpoint).Host}/.default", Assert.Single(credential.Scopes.Distinct()));
    }

    [Fact]
    public void Options_with_neither_a_key_nor_the_credential_are_refused_naming_both_ways()
    {
        var services = new ServiceCollection().AddLogging().AddAroPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Store"] = "cosmos",
            ["Persistence:DataDirectory"] = _directory.Path,
            ["Persistence:Cosmos:Endpoint"] = server.Endpoint,
        }).Build());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PersistenceOptions>>().Value);

        var line = Assert.Single(failure.Failures);
        Assert.Contains("ARO_COSMOS_KEY", line, StringComparison.Ordinal);
        Assert.Contains("ARO_MANAGED_IDENTITY_CLIENT_ID", line, StringComparison.Ordinal);
    }

    /// <summary>A credential that hands out a fixed token and records the scopes it was asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _scopes = new();

        public IEnumerable<string> Scopes => _scopes;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                _scopes.Enqueue(scope);
            }

            return new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
