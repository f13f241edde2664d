namespace Aro.Cloud.Network;

/// <summary>What the RP needs to know about a customer subnet.</summary>
/// <param name="Id">The subnet's ARM id as ARM returns it.</param>
/// <param name="AddressPrefixes">Its CIDRs (<c>addressPrefix</c> or <c>addressPrefixes</c>).</param>
/// <param name="NetworkSecurityGroupId">The attached network security group, if any.</param>
/// <param name="RouteTableId">The attached route table, if any: the cluster's service principal must be able to join it.</param>
public sealed record Subnet(string Id, IReadOnlyList<string> AddressPrefixes, string? NetworkSecurityGroupId, string? RouteTableId = null);
