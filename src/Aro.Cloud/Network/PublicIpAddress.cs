namespace Aro.Cloud.Network;

/// <param name="Id">The public IP resource's ARM id.</param>
/// <param name="IpAddress">The address it was given; null until the cloud allocated one.</param>
public sealed record PublicIpAddress(string Id, string? IpAddress);
