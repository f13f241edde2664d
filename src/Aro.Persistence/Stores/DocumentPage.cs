namespace Aro.Persistence.Stores;

/// <summary>A page of query results; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record DocumentPage<TDocument>(IReadOnlyList<TDocument> Items, string? ContinuationToken)
    where TDocument : class;
