namespace Aro.Cloud.Tests;

public sealed class LocalCloudRuleTests
{
    [Theory]
    [InlineData("https://localhost:8444/", null, null, true)]
    [InlineData("https://127.0.0.1:8444/", null, null, true)]
    [InlineData("https://[::1]:8444/", null, null, true)]
    [InlineData("https://arm.localhost:8444/", null, null, true)]
    [InlineData("https://local-cloud:8444/", null, "https://local-cloud:8444", true)]
    // Not identified as the local cloud: an unknown host, or the configured local cloud's host on another port.
    [InlineData("https://cloud.example:8444/", null, null, false)]
    [InlineData("https://local-cloud:9444/", null, "https://local-cloud:8444", false)]
    // Real Azure clouds: never local, even when someone points the local cloud setting at them.
    [InlineData(null, null, null, false)]
    [InlineData("https://management.azure.com/", null, "https://management.azure.com", false)]
    [InlineData("https://management.usgovcloudapi.net/", null, "https://management.usgovcloudapi.net", false)]
    [InlineData("https://management.chinacloudapi.cn/", null, null, false)]
    [InlineData(null, AzureClouds.USGovernment, null, false)]
    [InlineData("https://localhost:8444/", AzureClouds.China, null, false)]
    public void Only_an_endpoint_on_loopback_or_at_the_configured_local_cloud_and_no_azure_cloud_is_local(string? armEndpoint, string? azureCloud, string? localCloud, bool local)
    {
        var options = new CloudOptions
        {
            ArmEndpoint = armEndpoint is null ? null : new Uri(armEndpoint),
            AzureCloud = azureCloud,
            LocalCloudEndpoint = localCloud is null ? null : new Uri(localCloud),
        };

        Assert.Equal(local, options.IsLocal);
    }

    [Theory]
    [InlineData(null, "https://management.azure.com/", "https://login.microsoftonline.com/")]
    [InlineData(AzureClouds.USGovernment, "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/")]
    [InlineData("azurechinacloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    public void A_named_azure_cloud_has_its_own_arm_and_authority(string? name, string arm, string authority)
    {
        Assert.Equal(new Uri(arm), AzureClouds.Arm(name).Endpoint);
        Assert.Equal(new Uri(authority), AzureClouds.AuthorityHost(name));
    }
}
