using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;

namespace Aro.Cloud.Resources;

public sealed class ResourceGroups(ArmClient client) : IResourceGroups
{
    public async Task EnsureAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(resourceGroupId, cancellationToken))
        {
            await CreateOrUpdateAsync(resourceGroupId, location, tags, cancellationToken);
        }
    }

    public async Task CreateOrUpdateAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        var id = new ResourceIdentifier(resourceGroupId);
        var data = new ResourceGroupData(new AzureLocation(location));
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            data.Tags[key] = value;
        }

        var subscription = client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(id.SubscriptionId));
        await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, id.ResourceGroupName, data, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string resourceGroupId, CancellationToken cancellationToken) =>
        await GetAsync(resourceGroupId, cancellationToken) is not null;

    public async Task<ResourceGroup?> GetAsync(string resourceGroupId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetResourceGroupResource(new ResourceIdentifier(resourceGroupId)).GetAsync(cancellationToken);
            var data = response.Value.Data;
            return new ResourceGroup(resourceGroupId, data.Location.Name, new Dictionary<string, string>(data.Tags, StringComparer.OrdinalIgnoreCase));
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    public async Task DeleteAsync(string resourceGroupId, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetResourceGroupResource(new ResourceIdentifier(resourceGroupId)).DeleteAsync(WaitUntil.Completed, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Already gone.
        }
    }
}
