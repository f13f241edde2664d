namespace Aro.Api.Model;

public sealed class SubscriptionFeature
{
    public string? Name { get; set; }

    public string? State { get; set; }
}
