using Azure.Core;
using Azure.ResourceManager;

namespace Aro.Cloud;

/// <summary>
/// The api-versions of the resource types reached as generic resources (their typed packages are not
/// available). Pinning them spares a provider-metadata query per type and keeps the wire format fixed.
/// </summary>
public static class ArmApiVersions
{
    public const string Network = "2023-09-01";
    public const string Dns = "2018-05-01";
    public const string Storage = "2023-01-01";

    public static readonly ResourceType VirtualNetworks = new("Microsoft.Network/virtualNetworks");
    public static readonly ResourceType Subnets = new("Microsoft.Network/virtualNetworks/subnets");
    public static readonly ResourceType PublicIpAddresses = new("Microsoft.Network/publicIPAddresses");
    public static readonly ResourceType LoadBalancers = new("Microsoft.Network/loadBalancers");
    public static readonly ResourceType NetworkInterfaces = new("Microsoft.Network/networkInterfaces");
    public static readonly ResourceType DnsZones = new("Microsoft.Network/dnszones");
    public static readonly ResourceType DnsARecords = new("Microsoft.Network/dnszones/A");
    public static readonly ResourceType StorageAccounts = new("Microsoft.Storage/storageAccounts");

    public static void Apply(ArmClientOptions options)
    {
        foreach (var type in new[] { VirtualNetworks, Subnets, PublicIpAddresses, LoadBalancers, NetworkInterfaces })
        {
            options.SetApiVersion(type, Network);
        }

        options.SetApiVersion(DnsZones, Dns);
        options.SetApiVersion(DnsARecords, Dns);
        options.SetApiVersion(StorageAccounts, Storage);
    }
}
