namespace Aro.Api.Resources;

/// <summary>One operation the RP exposes to ARM, as listed by GET /providers/Microsoft.RedHatOpenShift/operations.</summary>
/// <param name="Name">{provider}/{resource}/{operation}.</param>
/// <param name="Resource">The display name of the resource type.</param>
/// <param name="Operation">The display name of the operation.</param>
public sealed record ResourceProviderOperation(string Name, string Resource, string Operation)
{
    public const string Provider = "Azure Red Hat OpenShift";

    public const string Origin = "user,system";
}
