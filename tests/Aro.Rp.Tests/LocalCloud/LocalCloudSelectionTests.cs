using Aro.Cloud;
using Aro.Frontend;
using Aro.LocalCloud;
using Aro.Rp.Hosting;
using Aro.Rp.LocalCloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aro.Rp.Tests.LocalCloud;

public sealed class LocalCloudSelectionTests
{
    [Fact]
    public void In_development_without_a_cloud_endpoint_the_embedded_local_cloud_is_started_and_used()
    {
        using var services = Build(new() { ["LocalCloud:Url"] = "https://localhost:9444" });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.Contains(services.GetServices<IHostedService>(), service => service is EmbeddedLocalCloud);
        Assert.Equal(new Uri("https://localhost:9444/"), cloud.ArmEndpoint);
        Assert.True(cloud.AllowUntrustedCertificates);
        Assert.Equal("{arm}/_kubernetes/{clusterResourceGroup}", cloud.KubernetesEndpoint);
        Assert.Equal($"/subscriptions/{LocalCloudSelection.DevelopmentRpSubscriptionId}/resourceGroups/aro-dns", cloud.DnsZoneResourceGroupId);
        Assert.Equal(("aro.localhost", "eastus"), (cloud.Domain, cloud.Location));
        var localCloud = services.GetRequiredService<IOptions<LocalCloudOptions>>().Value;
        Assert.Equal(LocalCloudSelection.DefaultVirtualMachineWriteLatency, localCloud.Latency[LocalCloudSelection.VirtualMachineWrite]);
    }

    [Fact]
    public void The_embedded_clouds_virtual_machine_latency_comes_from_configuration_when_set()
    {
        using var services = Build(new() { [$"LocalCloud:Latency:{LocalCloudSelection.VirtualMachineWrite}"] = "00:00:00.250" });

        var localCloud = services.GetRequiredService<IOptions<LocalCloudOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(250), localCloud.Latency[LocalCloudSelection.VirtualMachineWrite]);
    }

    [Fact]
    public void A_configured_cloud_endpoint_is_used_as_it_is_and_nothing_is_embedded()
    {
        using var services = Build(new()
        {
            ["Cloud:ArmEndpoint"] = "https://cloud.example:8444/",
            ["Cloud:AllowUntrustedCertificates"] = "false",
            ["Cloud:Location"] = "westeurope",
        });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.DoesNotContain(services.GetServices<IHostedService>(), service => service is EmbeddedLocalCloud);
        Assert.Equal(new Uri("https://cloud.example:8444/"), cloud.ArmEndpoint);
        Assert.False(cloud.AllowUntrustedCertificates);
        Assert.Equal("westeurope", cloud.Location);
    }

    [Fact]
    public void A_backend_process_in_development_uses_the_local_cloud_beside_it_and_embeds_none()
    {
        using var services = Build(new() { ["Rp:Components"] = "backend", ["LocalCloud:Url"] = "https://localhost:9444" });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.DoesNotContain(services.GetServices<IHostedService>(), service => service is EmbeddedLocalCloud);
        Assert.Equal(new Uri("https://localhost:9444/"), cloud.ArmEndpoint);
        Assert.True(cloud.AllowUntrustedCertificates);
    }

    [Fact]
    public void A_local_cloud_off_loopback_is_local_when_it_is_the_configured_local_cloud()
    {
        // docker-compose: the backends reach the local cloud by its service name.
        using var services = Build(new()
        {
            ["Rp:Components"] = "backend",
            ["Cloud:ArmEndpoint"] = "https://local-cloud:8444/",
            ["LocalCloud:Url"] = "https://local-cloud:8444",
        });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.True(cloud.IsLocal);
        Assert.True(cloud.AllowUntrustedCertificates);
        Assert.Equal("{arm}/_kubernetes/{clusterResourceGroup}", cloud.KubernetesEndpoint);
    }

    [Theory]
    [InlineData("Cloud:AzureCloud", "AzureUSGovernment")]
    [InlineData("Cloud:ArmEndpoint", "https://management.azure.com/")]
    [InlineData("Cloud:ArmEndpoint", "https://management.chinacloudapi.cn/")]
    public void In_development_a_real_azure_cloud_gets_no_local_cloud_and_none_of_its_defaults(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.DoesNotContain(services.GetServices<IHostedService>(), service => service is EmbeddedLocalCloud);
        Assert.False(cloud.IsLocal);
        Assert.False(cloud.AllowUntrustedCertificates);
        Assert.Null(cloud.KubernetesEndpoint);
        Assert.Equal("", cloud.DnsZoneResourceGroupId);
    }

    [Fact]
    public void In_production_no_local_defaults_apply()
    {
        using var services = Build(new() { ["Rp:Mode"] = "production" });

        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;

        Assert.Null(cloud.ArmEndpoint);
        Assert.False(cloud.AllowUntrustedCertificates);
        Assert.Null(cloud.KubernetesEndpoint);
        Assert.Equal("", cloud.DnsZoneResourceGroupId);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<RpOptions>().Bind(configuration.GetSection(RpOptions.SectionName));
        services.AddOptions<FrontendOptions>().Bind(configuration.GetSection(FrontendOptions.SectionName));
        services.AddOptions<CloudOptions>().Bind(configuration.GetSection(CloudOptions.SectionName));
        services.AddAroCloudSelection(configuration);
        return services.BuildServiceProvider();
    }
}
