using Aro.Persistence;
using Aro.Rp.Hosting;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Tests.Hosting;

/// <summary>Which way the RP reaches Cosmos DB: the account key, or the identity ARO_MANAGED_IDENTITY_CLIENT_ID / ARO_AZURE_CREDENTIAL chooses.</summary>
public sealed class CosmosCredentialSelectionTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aro-cosmos-credential-").FullName;

    [Fact]
    public async Task Without_a_key_a_chosen_managed_identity_authenticates_the_store()
    {
        await using var app = RpApplication.Build(Settings(("AzureIdentity:ManagedIdentityClientId", "00000000-0000-0000-0000-0000000000c0")));

        Assert.True(app.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Cosmos.UseAzureCredential);
        Assert.IsType<ManagedIdentityCredential>(app.Services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public async Task Without_a_key_the_identity_AZURE_CLIENT_ID_names_authenticates_the_store_as_infra_deploys_it()
    {
        await using var app = RpApplication.Build(Settings(("AZURE_CLIENT_ID", "00000000-0000-0000-0000-0000000000c0")));

        // Which TokenCredential that is (DefaultAzureCredential on Azure) is AzureCredentialFactory's choice, tested with it.
        Assert.True(app.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Cosmos.UseAzureCredential);
    }

    [Fact]
    public async Task A_key_wins_over_a_chosen_identity()
    {
        await using var app = RpApplication.Build(Settings(("AzureIdentity:ManagedIdentityClientId", "00000000-0000-0000-0000-0000000000c0"), ("Persistence:Cosmos:Key", "a2V5")));

        Assert.False(app.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Cosmos.UseAzureCredential);
    }

    [Fact]
    public void Neither_a_key_nor_an_identity_refuses_the_start_in_one_line_naming_both()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => RpApplication.Build(Settings()));

        var line = Assert.Single(refused.Problems, problem => problem.Contains("ARO_COSMOS_KEY", StringComparison.Ordinal));
        Assert.Contains("ARO_MANAGED_IDENTITY_CLIENT_ID", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private string[] Settings(params (string Key, string Value)[] more) =>
    [
        $"--Rp:DataDirectory={_dataDirectory}",
        "--Persistence:Store=cosmos",
        "--Persistence:Cosmos:Endpoint=https://localhost:1/",
        .. more.Select(setting => $"--{setting.Key}={setting.Value}"),
    ];
}
