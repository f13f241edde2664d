namespace Aro.Api.V20200430;

/// <summary>The VMSize enum of this version's swagger.</summary>
public static class VmSizes
{
    public const string StandardD2sV3 = "Standard_D2s_v3";
    public const string StandardD4sV3 = "Standard_D4s_v3";
    public const string StandardD8sV3 = "Standard_D8s_v3";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardD2sV3,
        StandardD4sV3,
        StandardD8sV3,
    };
}
