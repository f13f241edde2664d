namespace Aro.Cloud.Tests;

public sealed class CloudOptionsTests
{
    [Fact]
    public void Service_principals_sign_in_at_the_local_cloud_when_it_is_the_cloud()
    {
        var options = new CloudOptions { ArmEndpoint = new Uri("https://localhost:8444/") };

        Assert.Equal(new Uri("https://localhost:8444/"), options.EffectiveAuthorityHost);
    }

    [Theory]
    [InlineData(null, "https://login.microsoftonline.com/")]
    [InlineData(AzureClouds.USGovernment, "https://login.microsoftonline.us/")]
    public void Service_principals_sign_in_at_the_authority_of_a_real_cloud(string? azureCloud, string authority)
    {
        var options = new CloudOptions { AzureCloud = azureCloud };

        Assert.Equal(new Uri(authority), options.EffectiveAuthorityHost);
    }

    [Fact]
    public void A_configured_authority_wins()
    {
        var options = new CloudOptions { ArmEndpoint = new Uri("https://localhost:8444/"), AuthorityHost = new Uri("https://login.example/") };

        Assert.Equal(new Uri("https://login.example/"), options.EffectiveAuthorityHost);
    }
}
