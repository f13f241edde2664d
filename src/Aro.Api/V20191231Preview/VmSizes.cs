namespace Aro.Api.V20191231Preview;

/// <summary>The VMSize enum of this version's swagger (a wider list than 2020-04-30's).</summary>
public static class VmSizes
{
    public const string StandardD2sV3 = "Standard_D2s_v3";
    public const string StandardD4sV3 = "Standard_D4s_v3";
    public const string StandardD8sV3 = "Standard_D8s_v3";
    public const string StandardD16sV3 = "Standard_D16s_v3";
    public const string StandardD32sV3 = "Standard_D32s_v3";
    public const string StandardD4asV4 = "Standard_D4as_v4";
    public const string StandardD8asV4 = "Standard_D8as_v4";
    public const string StandardD16asV4 = "Standard_D16as_v4";
    public const string StandardD32asV4 = "Standard_D32as_v4";
    public const string StandardE4sV3 = "Standard_E4s_v3";
    public const string StandardE8sV3 = "Standard_E8s_v3";
    public const string StandardE16sV3 = "Standard_E16s_v3";
    public const string StandardE32sV3 = "Standard_E32s_v3";
    public const string StandardF4sV2 = "Standard_F4s_v2";
    public const string StandardF8sV2 = "Standard_F8s_v2";
    public const string StandardF16sV2 = "Standard_F16s_v2";
    public const string StandardF32sV2 = "Standard_F32s_v2";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardD2sV3,
        StandardD4sV3,
        StandardD8sV3,
        StandardD16sV3,
        StandardD32sV3,
        StandardD4asV4,
        StandardD8asV4,
        StandardD16asV4,
        StandardD32asV4,
        StandardE4sV3,
        StandardE8sV3,
        StandardE16sV3,
        StandardE32sV3,
        StandardF4sV2,
        StandardF8sV2,
        StandardF16sV2,
        StandardF32sV2,
    };
}
