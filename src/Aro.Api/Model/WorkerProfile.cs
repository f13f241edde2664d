namespace Aro.Api.Model;

public sealed class WorkerProfile
{
    public string Name { get; set; } = "";

    public string VmSize { get; set; } = "";

    public int DiskSizeGB { get; set; }

    public string SubnetId { get; set; } = "";

    public int Count { get; set; }
}
