using System.Net;
using System.Text;
using System.Text.Json;
using Aro.Api.Model;
using Aro.Persistence.Documents;
using Aro.Persistence.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Rp.Tests.Security;

/// <summary>What the admin certificate opens: a cluster's internal view without secrets, its admin kubeconfig, retried deletions.</summary>
public sealed class AdminApiTests(ProductionRpFixture fixture) : IClassFixture<ProductionRpFixture>
{
    private const string SubscriptionId = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    private const string ClientSecret = "client-secret-never-shown";
    private const string Kubeconfig = "apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {client-key-data: c2VjcmV0}}]\n";
    private const string Password = "kubeadmin-password-never-shown";

    [Fact]
    public async Task The_internal_view_shows_the_document_and_operation_but_no_secret()
    {
        var path = await StoreClusterAsync("view", ProvisioningState.Succeeded, null);
        using var client = fixture.Rp.Client(fixture.Certificates.Admin);

        using var response = await client.GetAsync("/admin" + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var view = JsonDocument.Parse(body);
        Assert.Equal("Succeeded", view.RootElement.GetProperty("document").GetProperty("openShiftCluster").GetProperty("properties").GetProperty("provisioningState").GetString());
        Assert.Equal("00000000-0000-0000-0000-00000000c1d0", view.RootElement.GetProperty("document").GetProperty("openShiftCluster").GetProperty("properties").GetProperty("servicePrincipalProfile").GetProperty("clientId").GetString());
        Assert.DoesNotContain(ClientSecret, body);
        Assert.DoesNotContain(Password, body);
        Assert.DoesNotContain("client-key-data", body);
    }

    [Fact]
    public async Task The_admin_kubeconfig_is_returned_base64_encoded()
    {
        var path = await StoreClusterAsync("kubeconfig", ProvisioningState.Succeeded, null);
        using var client = fixture.Rp.Client(fixture.Certificates.Admin);

        using var response = await client.PostAsync("/admin" + path + "/listAdminCredentials", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Kubeconfig, Encoding.UTF8.GetString(Convert.FromBase64String(body.RootElement.GetProperty("kubeconfig").GetString()!)));
    }

    [Fact]
    public async Task Only_a_failed_deletion_can_be_retried()
    {
        var healthy = await StoreClusterAsync("healthy", ProvisioningState.Succeeded, null);
        var failed = await StoreClusterAsync("failed-delete", ProvisioningState.Failed, ProvisioningState.Deleting);
        using var client = fixture.Rp.Client(fixture.Certificates.Admin);

        using var refused = await client.PostAsync("/admin" + healthy + "/retryDeletion", null);
        using var retried = await client.PostAsync("/admin" + failed + "/retryDeletion", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var clusters = fixture.Rp.Services.GetRequiredService<IOpenShiftClusterStore>();
        var healthyDocument = await clusters.GetAsync(OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId), OpenShiftClusterDocument.KeyFor(healthy), CancellationToken.None);
        Assert.Equal(ProvisioningState.Succeeded, healthyDocument!.OpenShiftCluster.Properties.ProvisioningState);
    }

    private async Task<string> StoreClusterAsync(string name, ProvisioningState state, ProvisioningState? failedState)
    {
        var id = $"/subscriptions/{SubscriptionId}/resourceGroups/admin-{name}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}";
        var clusters = fixture.Rp.Services.GetRequiredService<IOpenShiftClusterStore>();
        await clusters.CreateAsync(new OpenShiftClusterDocument
        {
            Id = OpenShiftClusterDocument.KeyFor(id),
            PartitionKey = OpenShiftClusterDocument.PartitionKeyFor(SubscriptionId),
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = id,
                Name = name,
                Type = "Microsoft.RedHatOpenShift/openShiftClusters",
                Location = "eastus",
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = state,
                    FailedProvisioningState = failedState,
                    ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = "00000000-0000-0000-0000-00000000c1d0", ClientSecret = ClientSecret },
                    Credentials = new ClusterCredentials { KubeadminPassword = Password, AdminKubeconfig = Kubeconfig },
                },
            },
        }, CancellationToken.None);
        return id;
    }
}
