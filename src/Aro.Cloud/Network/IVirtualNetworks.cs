namespace Aro.Cloud.Network;

/// <summary>Reads the customer's virtual networks; the RP never changes them.</summary>
public interface IVirtualNetworks
{
    /// <summary>The subnet, or null when it (or its vnet, or its resource group) does not exist.</summary>
    Task<Subnet?> GetSubnetAsync(string subnetId, CancellationToken cancellationToken);
}
