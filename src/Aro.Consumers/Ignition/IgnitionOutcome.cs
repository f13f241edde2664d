using Aro.Api;

namespace Aro.Consumers.Ignition;

/// <summary>The result of <see cref="IIgnitionService.GenerateAsync"/>: generated, or failed for good with an ARM error.</summary>
public sealed record IgnitionOutcome(CloudErrorBody? Error)
{
    public static IgnitionOutcome Generated { get; } = new((CloudErrorBody?)null);

    public bool Succeeded => Error is null;

    public static IgnitionOutcome Failed(CloudErrorBody error) => new(error);
}
