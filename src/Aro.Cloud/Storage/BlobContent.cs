namespace Aro.Cloud.Storage;

/// <summary>A blob to write: where, and what.</summary>
public sealed record BlobContent(BlobLocation Location, BinaryData Content);
