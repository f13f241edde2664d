namespace Aro.Api.Model;

public sealed class ServicePrincipalProfile
{
    public string ClientId { get; set; } = "";

    [Secret]
    public string? ClientSecret { get; set; }
}
