namespace Aro.Api.Model;

public sealed class ConsoleProfile
{
    public string? Url { get; set; }
}
