namespace Aro.Api.Model;

public sealed class ClusterProfile
{
    [Secret]
    public string? PullSecret { get; set; }

    public string Domain { get; set; } = "";

    public string Version { get; set; } = "";

    public string ResourceGroupId { get; set; } = "";
}
