namespace Aro.Api.Model;

public sealed class NetworkProfile
{
    public string PodCidr { get; set; } = "";

    public string ServiceCidr { get; set; } = "";
}
