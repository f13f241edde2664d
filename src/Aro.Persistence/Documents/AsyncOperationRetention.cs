using Aro.Api.Model;

namespace Aro.Persistence.Documents;

/// <summary>
/// When an async operation's record has outlived its retention. ARM keeps operation results for a while after an
/// operation ends; the frontend stops answering for an expired record and the backend deletes it, by this one rule.
/// </summary>
public static class AsyncOperationRetention
{
    /// <summary>
    /// Retention runs from the end of an operation; one that never ended (its backend lost) ages from its start,
    /// so an abandoned operation does not stay pollable forever.
    /// </summary>
    public static bool IsExpired(AsyncOperation operation, DateTimeOffset now, TimeSpan retention) =>
        now - (operation.EndTime ?? operation.StartTime) > retention;
}
