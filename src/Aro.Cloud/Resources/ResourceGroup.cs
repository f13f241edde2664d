namespace Aro.Cloud.Resources;

/// <summary>What the RP needs to know of an existing resource group: where it is and how it is tagged.</summary>
public sealed record ResourceGroup(string Id, string Location, IReadOnlyDictionary<string, string> Tags);
