namespace Aro.Rp.Tests;

/// <summary>Waiting in tests for something the system does a moment later, bounded (a limit, not a timing assertion).</summary>
internal static class Polling
{
    /// <summary>Lists until the list is not empty or <paramref name="limit"/> has passed; returns the last list.</summary>
    public static async Task<IReadOnlyList<T>> UntilAnyAsync<T>(Func<Task<IReadOnlyList<T>>> list, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var items = await list();
            if (items.Count > 0 || DateTimeOffset.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(200);
        }
    }
}
