using Azure.Identity;
using Azure.ResourceManager;

namespace Aro.Cloud;

/// <summary>
/// The real Azure clouds the RP can run against, by the names <c>az cloud list</c> uses (ARO_AZURE_CLOUD): their ARM
/// endpoint and audience, and the Entra authority customers' service principals sign in at.
/// </summary>
public static class AzureClouds
{
    public const string Public = "AzurePublicCloud";
    public const string USGovernment = "AzureUSGovernment";
    public const string China = "AzureChinaCloud";

    public static IReadOnlyList<string> Names { get; } = [Public, USGovernment, China];

    public static bool IsKnown(string? name) => name is null || Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The named cloud's ARM (the public cloud when <paramref name="name"/> is null).</summary>
    public static ArmEnvironment Arm(string? name) => Normalise(name) switch
    {
        USGovernment => ArmEnvironment.AzureGovernment,
        China => ArmEnvironment.AzureChina,
        _ => ArmEnvironment.AzurePublicCloud,
    };

    /// <summary>The named cloud's Entra authority (the public cloud's when <paramref name="name"/> is null).</summary>
    public static Uri AuthorityHost(string? name) => Normalise(name) switch
    {
        USGovernment => AzureAuthorityHosts.AzureGovernment,
        China => AzureAuthorityHosts.AzureChina,
        _ => AzureAuthorityHosts.AzurePublicCloud,
    };

    /// <summary>True when <paramref name="host"/> is the ARM host of one of the clouds above, whatever the settings say.</summary>
    public static bool IsArmHost(string host) =>
        Names.Any(name => string.Equals(Arm(name).Endpoint.Host, host, StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string? name) =>
        Names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) ?? Public;
}
