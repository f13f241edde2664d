namespace Aro.LocalCloud.Tests.ServiceBus;

internal static class ServerExtensions
{
    public static string LocalCloudKey(this LocalCloudServer server) =>
        server.ServiceBus.ConnectionString.Split(';').Single(p => p.StartsWith("SharedAccessKey=", StringComparison.Ordinal))["SharedAccessKey=".Length..];
}
