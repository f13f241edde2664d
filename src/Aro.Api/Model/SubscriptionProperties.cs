namespace Aro.Api.Model;

public sealed class SubscriptionProperties
{
    public string? TenantId { get; set; }

    public string? LocationPlacementId { get; set; }

    public string? QuotaId { get; set; }

    public List<SubscriptionFeature>? RegisteredFeatures { get; set; }
}
