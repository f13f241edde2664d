using Aro.Api;

namespace Aro.Consumers.Credentials;

/// <summary>The result of <see cref="ICredentialsService.IssueAsync"/>: issued, or failed for good with an ARM error.</summary>
public sealed record CredentialsOutcome(CloudErrorBody? Error)
{
    public static CredentialsOutcome Issued { get; } = new((CloudErrorBody?)null);

    public bool Succeeded => Error is null;

    public static CredentialsOutcome Failed(CloudErrorBody error) => new(error);
}
