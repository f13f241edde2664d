namespace Aro.Api.Model;

public sealed class ApiServerProfile
{
    public string Visibility { get; set; } = "";

    public string? Url { get; set; }

    public string? Ip { get; set; }
}
