namespace Aro.Api.Resources;

/// <summary>One "{type}/{name}" pair of a resource id below the provider namespace.</summary>
public sealed record ResourceTypeSegment(string Type, string Name);
