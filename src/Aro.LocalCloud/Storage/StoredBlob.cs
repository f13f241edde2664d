namespace Aro.LocalCloud.Storage;

/// <summary>One blob's bytes and the properties Azure.Storage.Blobs reads back.</summary>
internal sealed record StoredBlob(byte[] Content, string ContentType, string ETag, DateTimeOffset CreatedOn, DateTimeOffset LastModified);
