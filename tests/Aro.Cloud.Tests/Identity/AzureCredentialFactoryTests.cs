using Aro.Cloud.Identity;
using Azure.Core;
using Azure.ResourceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aro.Cloud.Tests.Identity;

/// <summary>The local cloud's shortcuts (static token, untrusted certificates, its audience) never reach a real Azure cloud.</summary>
public sealed class AzureCredentialFactoryTests
{
    [Theory]
    [InlineData("Cloud:ArmEndpoint", "https://management.azure.com/")]
    [InlineData("Cloud:ArmEndpoint", "https://management.usgovcloudapi.net/")]
    [InlineData("Cloud:AzureCloud", AzureClouds.USGovernment)]
    [InlineData("Cloud:AzureCloud", AzureClouds.China)]
    public void Without_a_credential_setting_a_real_cloud_gets_azure_identity_not_the_static_token(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var credential = services.GetRequiredService<TokenCredential>();

        Assert.IsNotType<LocalEmulatorCredential>(credential);
    }

    [Fact]
    public void The_local_cloud_on_loopback_gets_the_static_token_by_default()
    {
        using var services = Build(new() { ["Cloud:ArmEndpoint"] = "https://localhost:8444/" });

        Assert.IsType<LocalEmulatorCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Theory]
    [InlineData("Cloud:ArmEndpoint", "https://management.azure.com/")]
    [InlineData("Cloud:AzureCloud", AzureClouds.USGovernment)]
    public void The_static_token_asked_for_against_a_real_cloud_is_refused(string key, string value)
    {
        using var services = Build(new() { [key] = value, ["AzureIdentity:Credential"] = AzureIdentityOptions.LocalToken });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<TokenCredential>());

        Assert.Contains("only the local cloud accepts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cloud:ArmEndpoint", "https://management.azure.com/")]
    [InlineData("Cloud:ArmEndpoint", "https://cloud.example:8444/")]
    [InlineData("Cloud:AzureCloud", AzureClouds.China)]
    public void Untrusted_certificates_are_refused_for_anything_but_the_local_cloud(string key, string value)
    {
        using var services = Build(new() { [key] = value, ["Cloud:AllowUntrustedCertificates"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CloudOptions>>().Value);

        Assert.Contains("Cloud:AllowUntrustedCertificates is for the local cloud only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_azure_cloud_name_is_refused()
    {
        using var services = Build(new() { ["Cloud:AzureCloud"] = "AzureGermanCloud" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CloudOptions>>().Value);

        Assert.Contains("AzurePublicCloud, AzureUSGovernment, AzureChinaCloud", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sovereign_cloud_is_reached_at_its_own_arm_with_its_own_audience()
    {
        using var services = Build(new() { ["Cloud:AzureCloud"] = AzureClouds.USGovernment });

        var environment = services.GetRequiredService<ArmClientFactory>().Environment;

        Assert.Equal(ArmEnvironment.AzureGovernment, environment);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Cloud:Domain", "aro.example.com");
        settings.TryAdd("Cloud:Location", "eastus");
        settings.TryAdd("Cloud:DnsZoneResourceGroupId", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/aro-dns");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAroCloud(configuration).BuildServiceProvider();
    }
}
