namespace Aro.Api.Resources;

/// <summary>One operation the RP exposes to ARM, as listed by GET /providers/Microsoft.RedHatOpenShift/operations.</summary>
/// <param name="Name">{provider}/{resource}/{operation}.</param>
/// <param name="Resource">The display name of the resource type.</param>
/// <param name="Operation">The display name of the operation.</param>
/// <param name="Description">
/// What the operation lets a caller do. The reference RP leaves it out, but the RPC requires it and both
/// swaggers' Display defines it; portal and RBAC role editors show it.
/// </param>
public sealed record ResourceProviderOperation(string Name, string Resource, string Operation, string Description)
{
    public const string Provider = "Azure Red Hat OpenShift";

    public const string Origin = "user,system";
}
