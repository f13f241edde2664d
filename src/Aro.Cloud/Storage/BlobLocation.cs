namespace Aro.Cloud.Storage;

/// <summary>Where a blob lives: a storage account in a resource group, a container, a name.</summary>
public sealed record BlobLocation(string ResourceGroupId, string StorageAccount, string Container, string Name);
