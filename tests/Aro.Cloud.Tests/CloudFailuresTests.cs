using Aro.Cloud.Kubernetes;
using Aro.Cloud.Resources;
using Aro.Cloud.Storage;
using Azure;

namespace Aro.Cloud.Tests;

/// <summary>The one classification of cloud failures, fed with what the SDKs really throw at the local cloud's faults.</summary>
public sealed class CloudFailuresTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string Group = $"/subscriptions/{LocalCloudFixture.SubscriptionId}/resourceGroups/cluster-failures";

    [Fact]
    public async Task A_refusal_by_ARM_is_permanent_with_ARMs_code_and_message()
    {
        cloud.Server.Faults.FailNext("Microsoft.Resources/resourceGroups/write", statusCode: 403, code: "AuthorizationFailed", message: "The client may not write resource groups.");

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => cloud.Get<IResourceGroups>().EnsureAsync(Group, "eastus", tags: null, CancellationToken.None));

        Assert.Equal(
            new Aro.Api.CloudErrorBody("AuthorizationFailed", "The client may not write resource groups.", "target"),
            thrown.AsPermanentCloudError("target"));
    }

    [Fact]
    public async Task A_refusal_by_blob_storage_is_permanent_with_the_storage_code_and_message()
    {
        await cloud.Get<IResourceGroups>().EnsureAsync(Group, "eastus", tags: null, CancellationToken.None);
        cloud.Server.Faults.FailNext("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write", statusCode: 403, code: "AuthorizationPermissionMismatch", message: "This request is not authorized to perform this operation using this permission.");
        var location = new BlobLocation(Group, "clusterfailures1", "ignition", "bootstrap.ign");

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => cloud.Get<IBlobStorage>().UploadAsync(location, "eastus", BinaryData.FromString("{}"), CancellationToken.None));

        var error = thrown.AsPermanentCloudError(target: null);
        Assert.NotNull(error);
        Assert.Equal("AuthorizationPermissionMismatch", error.Code);
        Assert.Equal("This request is not authorized to perform this operation using this permission.", error.Message);
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    public async Task A_refusal_by_a_clusters_Kubernetes_API_is_permanent_with_the_Status_reason(int status, string reason)
    {
        cloud.Server.Faults.FailNext("machine.openshift.io/machinesets/read", statusCode: status, code: reason, message: "machinesets is forbidden for this user.");

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => cloud.Get<IMachineSets>().ListAsync(new KubernetesClusterTarget("cluster-failures"), CancellationToken.None));

        var error = thrown.AsPermanentCloudError(target: null);
        Assert.NotNull(error);
        Assert.Equal(reason, error.Code);
        Assert.Contains("machinesets is forbidden for this user.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Timeouts_conflicts_throttling_and_server_errors_are_worth_retrying(int status)
    {
        Assert.Null(new RequestFailedException(status, "busy", "Busy", null).AsPermanentCloudError(target: null));
        Assert.Null(KubernetesRefusal(status).AsPermanentCloudError(target: null));
    }

    [Fact]
    public void A_refusal_wrapped_by_a_library_is_still_found_and_other_exceptions_are_not_the_clouds()
    {
        var wrapped = new AggregateException(new RequestFailedException(400, "bad", "InvalidParameter", null));

        Assert.Equal("InvalidParameter", wrapped.AsPermanentCloudError(target: null)?.Code);
        Assert.Null(new InvalidOperationException("a bug of ours").AsPermanentCloudError(target: null));
        Assert.Null(new HttpRequestException("connection refused").AsPermanentCloudError(target: null));
    }

    private static k8s.Autorest.HttpOperationException KubernetesRefusal(int status) => new("refused")
    {
        Response = new k8s.Autorest.HttpResponseMessageWrapper(new HttpResponseMessage((System.Net.HttpStatusCode)status), content: ""),
    };
}
