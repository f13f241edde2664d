using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aro.Api;
using Aro.Api.Resources;
using Aro.Consumers.Credentials;
using Aro.Consumers.Ignition;
using Aro.Consumers.Tests.Ignition;
using Aro.Consumers.Tests.Network;
using Aro.Consumers.Tests.Pki;
using Aro.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.Credentials;

public sealed class IssueCredentialsConsumerTests
{
    private readonly InMemoryClusters _documents = new();

    [Fact]
    public async Task The_command_twice_issues_one_set_of_credentials_and_reports_each_time_without_secrets()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();
        var consumer = harness.GetConsumerHarness<IssueCredentialsConsumer>();
        var command = Command(TestClusters.ResourceId);

        await harness.Bus.Publish(command);
        Assert.True(await consumer.Consumed.Any<IssueCredentials>());
        var first = _documents.Stored(TestClusters.ResourceId)!.Properties;
        var redelivery = NewId.NextGuid();
        await harness.Bus.Publish(command, context => context.MessageId = redelivery);
        Assert.True(await consumer.Consumed.Any<IssueCredentials>(context => context.Context.MessageId == redelivery));

        var second = _documents.Stored(TestClusters.ResourceId)!.Properties;
        Assert.Equal("kubeadmin", second.Credentials!.KubeadminUsername);
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", second.Credentials.KubeadminPassword);
        Assert.Equal(first.Credentials!.KubeadminPassword, second.Credentials.KubeadminPassword);
        Assert.Equal(first.Credentials.AdminKubeconfig, second.Credentials.AdminKubeconfig);
        Assert.Equal(first.Pki!.RootCaCertificatePem, second.Pki!.RootCaCertificatePem);
        var issued = harness.Published.Select<CredentialsIssued>().Select(published => published.Context.Message).ToArray();
        Assert.Equal([new CredentialsIssued(command.ClusterId, command.ResourceId, command.OperationId), new CredentialsIssued(command.ClusterId, command.ResourceId, command.OperationId)], issued);
        Assert.All(issued, message => Assert.DoesNotContain(second.Credentials.KubeadminPassword!, JsonSerializer.Serialize(message), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_kubeconfig_reaches_the_API_server_as_system_admin_trusting_the_cluster_CA()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<CredentialsIssued>());
        var properties = _documents.Stored(TestClusters.ResourceId)!.Properties;
        var (raw, client) = Kubeconfigs.Load(properties.Credentials!.AdminKubeconfig!);
        Assert.Equal($"https://api.{TestClusters.Domain}:6443", client.Host);
        Assert.Equal("My_Cluster", raw.Clusters.Single().Name);
        using var ca = X509Certificate2.CreateFromPem(properties.Pki!.RootCaCertificatePem);
        using var admin = Kubeconfigs.ClientCertificate(client);
        Assert.Equal("", Certificates.ChainProblems(admin, ca, Certificates.ClientAuthentication));
    }

    [Fact]
    public async Task An_endpoint_resolver_registered_by_the_host_decides_the_server()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider(services => services.AddSingleton<IKubernetesEndpointResolver>(new FixedEndpointResolver(new Uri("https://localhost:8444/_kubernetes/aro-mycluster"))));
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.Published.Any<CredentialsIssued>());
        var (_, client) = Kubeconfigs.Load(_documents.Stored(TestClusters.ResourceId)!.Properties.Credentials!.AdminKubeconfig!);
        Assert.Equal("https://localhost:8444/_kubernetes/aro-mycluster", client.Host);
    }

    [Fact]
    public async Task A_cluster_that_is_gone_fails_the_step_with_ResourceNotFound()
    {
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();
        var command = Command(TestClusters.ResourceId);

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<CredentialsIssuanceFailed>());
        var failed = harness.Published.Select<CredentialsIssuanceFailed>().Single().Context.Message;
        Assert.Equal((command.ClusterId, command.ResourceId, command.OperationId), (failed.ClusterId, failed.ResourceId, failed.OperationId));
        Assert.Equal((CloudErrorCodes.ResourceNotFound, TestClusters.ResourceId), (failed.Code, failed.Target));
        Assert.False(await harness.Published.Any<CredentialsIssued>());
    }

    [Fact]
    public async Task A_command_of_an_operation_that_no_longer_acts_on_the_cluster_issues_nothing_and_reports_nothing()
    {
        _documents.Put(TestClusters.New(), "op-delete");
        await using var provider = Provider();
        var harness = await provider.StartTestHarness();

        await harness.Bus.Publish(Command(TestClusters.ResourceId));

        Assert.True(await harness.GetConsumerHarness<IssueCredentialsConsumer>().Consumed.Any<IssueCredentials>());
        Assert.Empty(harness.Published.Select(message => message.MessageObject is not IssueCredentials));
        Assert.Equal(0, _documents.Updates);
        Assert.Null(_documents.Stored(TestClusters.ResourceId)!.Properties.Credentials?.KubeadminPassword);
    }

    [Fact]
    public async Task Credentials_issued_before_Ignition_share_the_CA_the_Ignition_configs_trust()
    {
        _documents.Put(TestClusters.New());
        var store = new RecordingIgnitionStore();
        await using var provider = Provider(services => services.AddSingleton<IIgnitionStore>(store));
        using var scope = provider.CreateScope();

        var credentials = await scope.ServiceProvider.GetRequiredService<ICredentialsService>().IssueAsync(TestClusters.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None);
        var ignition = await scope.ServiceProvider.GetRequiredService<IIgnitionService>().GenerateAsync(TestClusters.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None);

        Assert.True(credentials.Succeeded);
        Assert.True(ignition.Succeeded);
        var properties = _documents.Stored(TestClusters.ResourceId)!.Properties;
        using var master = JsonDocument.Parse(store.Stored.Single(config => config.Role == IgnitionRoles.Master).Config);
        var trusted = master.RootElement.GetProperty("ignition").GetProperty("security").GetProperty("tls").GetProperty("certificateAuthorities")[0];
        Assert.Equal(properties.Pki!.RootCaCertificatePem, IgnitionConfigsTests.Contents(trusted));
        var (_, client) = Kubeconfigs.Load(properties.Credentials!.AdminKubeconfig!);
        using var ca = X509Certificate2.CreateFromPem(properties.Pki.RootCaCertificatePem);
        Assert.Equal(ca.Thumbprint, client.SslCaCerts.Single().Thumbprint);
    }

    [Fact]
    public async Task After_Ignition_the_step_finds_the_credentials_issued_with_the_PKI_and_writes_nothing()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider(services => services.AddSingleton<IIgnitionStore>(new RecordingIgnitionStore()));
        using var scope = provider.CreateScope();

        var ignition = await scope.ServiceProvider.GetRequiredService<IIgnitionService>().GenerateAsync(TestClusters.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None);
        var writesByIgnition = _documents.Updates;
        var issuedByIgnition = _documents.Stored(TestClusters.ResourceId)!.Properties.Credentials;
        var credentials = await scope.ServiceProvider.GetRequiredService<ICredentialsService>().IssueAsync(TestClusters.ResourceId, InMemoryClusters.CurrentOperationId, CancellationToken.None);

        Assert.True(ignition.Succeeded);
        Assert.True(credentials.Succeeded);
        Assert.Equal(1, writesByIgnition);
        Assert.Equal(writesByIgnition, _documents.Updates);
        var stored = _documents.Stored(TestClusters.ResourceId)!.Properties.Credentials!;
        Assert.False(string.IsNullOrEmpty(issuedByIgnition?.KubeadminPassword));
        Assert.Equal(issuedByIgnition!.KubeadminPassword, stored.KubeadminPassword);
        Assert.Equal(issuedByIgnition.AdminKubeconfig, stored.AdminKubeconfig);
    }

    [Fact]
    public async Task A_permanent_refusal_by_the_cloud_fails_the_step_at_once_with_the_clouds_code()
    {
        _documents.Put(TestClusters.New());
        await using var provider = Provider(services => services.AddSingleton<IKubernetesEndpointResolver>(new RefusingEndpointResolver()));
        var harness = await provider.StartTestHarness();
        var command = Command(TestClusters.ResourceId);

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<CredentialsIssuanceFailed>());
        var failed = harness.Published.Select<CredentialsIssuanceFailed>().Single().Context.Message;
        Assert.Equal("AuthorizationFailed", failed.Code);
        Assert.Equal("The client may not read the cluster.", failed.Message);
        Assert.Single(harness.Consumed.Select<IssueCredentials>());
        Assert.False(await harness.Published.Any<Fault<IssueCredentials>>());
        Assert.Null(_documents.Stored(TestClusters.ResourceId)!.Properties.Credentials?.KubeadminPassword);
    }

    private static IssueCredentials Command(string resourceId) =>
        new(ClusterIdentity.FromResourceId(resourceId), resourceId, "op-1");

    private ServiceProvider Provider(Action<IServiceCollection>? configure = null) =>
        IgnitionAndCredentialsHost.Build<IssueCredentialsConsumer, IssueCredentialsConsumerDefinition>(_documents, configure);

    /// <summary>A cloud that refuses the RP: what the step meets when a role assignment is missing.</summary>
    private sealed class RefusingEndpointResolver : IKubernetesEndpointResolver
    {
        public Task<Uri> ResolveAsync(Aro.Api.Model.OpenShiftCluster cluster, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(403, "The client may not read the cluster.", "AuthorizationFailed", null);
    }
}
