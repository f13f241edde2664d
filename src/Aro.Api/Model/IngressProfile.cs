namespace Aro.Api.Model;

public sealed class IngressProfile
{
    public string Name { get; set; } = "";

    public string Visibility { get; set; } = "";

    public string? Ip { get; set; }
}
