namespace Aro.Cloud.Resources;

/// <summary>Resource groups, by full id (<c>/subscriptions/{sub}/resourceGroups/{name}</c>).</summary>
public interface IResourceGroups
{
    /// <summary>Creates the group in <paramref name="location"/> unless it exists (an existing group is left as it is).</summary>
    Task EnsureAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the group, or sets an existing one's location and tags to these (ARM's PUT): for a caller that has just
    /// looked and found no group, so that it does not look again.
    /// </summary>
    Task CreateOrUpdateAsync(string resourceGroupId, string location, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string resourceGroupId, CancellationToken cancellationToken);

    /// <summary>The group's location and tags, or null when it does not exist.</summary>
    Task<ResourceGroup?> GetAsync(string resourceGroupId, CancellationToken cancellationToken);

    /// <summary>Deletes the group and everything in it; succeeds when it is already gone.</summary>
    Task DeleteAsync(string resourceGroupId, CancellationToken cancellationToken);
}
