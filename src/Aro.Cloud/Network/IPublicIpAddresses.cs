namespace Aro.Cloud.Network;

/// <summary>Static, standard-SKU IPv4 public IP addresses.</summary>
public interface IPublicIpAddresses
{
    /// <summary>Returns the public IP named <paramref name="name"/> in the group, creating it first if needed.</summary>
    Task<PublicIpAddress> EnsureAsync(string resourceGroupId, string name, string location, CancellationToken cancellationToken);
}
