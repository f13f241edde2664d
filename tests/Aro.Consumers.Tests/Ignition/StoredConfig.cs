namespace Aro.Consumers.Tests.Ignition;

internal sealed record StoredConfig(string ClusterResourceGroupId, string InfraId, string Role, byte[] Config);
