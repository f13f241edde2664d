namespace Aro.Cloud.Network;

/// <summary>The NICs of a cluster's machines.</summary>
public interface INetworkInterfaces
{
    /// <summary>
    /// Returns the id of the NIC named <paramref name="name"/>, creating it first if needed in
    /// <paramref name="subnetId"/> and, when given, in the load balancer pool <paramref name="backendAddressPoolId"/>.
    /// </summary>
    Task<string> EnsureAsync(string resourceGroupId, string name, string location, string subnetId, string? backendAddressPoolId, CancellationToken cancellationToken);

    /// <summary>Deletes the NIC; succeeds when it is already gone.</summary>
    Task DeleteAsync(string resourceGroupId, string name, CancellationToken cancellationToken);
}
