namespace Aro.Api.Model;

public sealed class MasterProfile
{
    public string VmSize { get; set; } = "";

    public string SubnetId { get; set; } = "";
}
