namespace Aro.Consumers.VirtualMachines;

/// <summary>Where a provisioned cluster is reached.</summary>
public sealed record ClusterEndpoints(string ApiServerUrl, string ApiServerIp, string ConsoleUrl, string IngressIp);
