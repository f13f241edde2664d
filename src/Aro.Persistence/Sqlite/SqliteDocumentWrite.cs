namespace Aro.Persistence.Sqlite;

/// <summary>
/// One prepared conditional write of a document: its statement and parameters, what to do once it is committed (the
/// document takes the ETag it was written under) and what to throw when its condition did not hold.
/// </summary>
internal sealed record SqliteDocumentWrite(SqliteTable Table, string Sql, IReadOnlyList<(string Name, object Value)> Parameters, Action Complete, Func<Exception> Lost);
