using Aro.Api;
using Aro.Contracts;
using Aro.LocalCloud.Identity;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using LocalServicePrincipals = Aro.LocalCloud.Identity.ServicePrincipals;

namespace Aro.Consumers.Tests.Network;

public sealed class ValidateNetworkConsumerTests(LocalCloudHarness cloud) : IClassFixture<LocalCloudHarness>
{
    private const string Nsg = $"{ValidCluster.VnetResourceGroupId}/providers/Microsoft.Network/networkSecurityGroups/nsg";

    public static TheoryData<string, (string, string, string?)[], string> Failures => new()
    {
        { "master subnet missing", [("worker", ValidCluster.WorkerCidr, null)], ValidCluster.MasterSubnetId },
        { "worker subnet missing", [("master", ValidCluster.MasterCidr, null)], ValidCluster.WorkerSubnetId },
        { "worker subnet too small", [("master", ValidCluster.MasterCidr, null), ("worker", "10.0.2.0/28", null)], ValidCluster.WorkerSubnetId },
        { "master subnet with an NSG", [("master", ValidCluster.MasterCidr, Nsg), ("worker", ValidCluster.WorkerCidr, null)], ValidCluster.MasterSubnetId },
        { "subnets overlap", [("master", ValidCluster.MasterCidr, null), ("worker", "10.0.1.0/24", null)], ValidCluster.WorkerSubnetId },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task An_invalid_network_fails_with_InvalidLinkedVNet_about_the_subnet(string name, (string, string, string?)[] subnets, string target)
    {
        var clusters = new InMemoryClusters();
        clusters.Put(ValidCluster.New(), "op-" + name);
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider, subnets);
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-" + name));

        var failed = Assert.IsType<NetworkValidationFailed>(outcome);
        Assert.Equal(CloudErrorCodes.InvalidLinkedVNet, failed.Code);
        Assert.Equal(target, failed.Target, ignoreCase: true);
    }

    [Fact]
    public async Task A_missing_subnet_says_it_could_not_be_found()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()));
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        var failed = Assert.IsType<NetworkValidationFailed>(outcome);
        Assert.Equal($"The provided subnet '{ValidCluster.MasterSubnetId}' could not be found.", failed.Message);
    }

    [Fact]
    public async Task A_valid_network_is_validated()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.IsType<NetworkValidated>(outcome);
        Assert.True(await harness.GetConsumerHarness<Aro.Consumers.Network.ValidateNetworkConsumer>().Consumed.Any<ValidateNetwork>());
    }

    [Fact]
    public async Task A_service_principal_that_may_only_read_the_vnet_fails_with_InvalidServicePrincipalPermissions_about_the_vnet()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()));
        cloud.Server.Services.GetRequiredService<LocalServicePrincipals>()
            .Register(ValidCluster.ClientId, ValidCluster.ClientSecret, [new RoleAssignment(RoleDefinitions.Reader, ValidCluster.VnetId)]);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        var failed = Assert.IsType<NetworkValidationFailed>(outcome);
        Assert.Equal(CloudErrorCodes.InvalidServicePrincipalPermissions, failed.Code);
        Assert.Equal(ValidCluster.VnetId, failed.Target);
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_reports_nothing()
    {
        var clusters = new InMemoryClusters(ValidCluster.New());
        clusters.StartOperation(ValidCluster.ResourceId, "op-delete");
        await using var provider = cloud.Start(clusters);
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var published = await LocalCloudHarness.RunToEndAsync<Aro.Consumers.Network.ValidateNetworkConsumer, ValidateNetwork>(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, "op-1"));

        Assert.Empty(published);
    }

    [Fact]
    public async Task The_operation_id_is_compared_ignoring_case()
    {
        await using var provider = cloud.Start(new InMemoryClusters(ValidCluster.New()));
        await LocalCloudHarness.CreateVirtualNetworkAsync(provider);
        var harness = await provider.StartTestHarness();

        var outcome = await LocalCloudHarness.RunAsync(harness, new ValidateNetwork(Guid.NewGuid(), ValidCluster.ResourceId, InMemoryClusters.CurrentOperationId.ToUpperInvariant()));

        Assert.IsType<NetworkValidated>(outcome);
    }
}
