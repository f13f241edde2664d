using Aro.Persistence.Sqlite;

namespace Aro.Persistence.Tests.Sqlite;

public sealed class SqliteBusyWaitTests
{
    [Fact]
    public void The_first_retries_come_after_a_millisecond()
    {
        Assert.All(Enumerable.Range(0, 4), attempt => Assert.Equal(1, SqliteBusyWait.StepMilliseconds(attempt)));
    }

    [Fact]
    public void The_step_grows_without_ever_shrinking_and_stays_short()
    {
        var steps = Enumerable.Range(0, 10_000).Select(SqliteBusyWait.StepMilliseconds).ToArray();

        Assert.Equal(steps.Order(), steps);
        // SQLite's own table reaches 25 ms by the sixth retry and 100 ms by the twelfth; these stop at 5 ms.
        Assert.Equal(SqliteBusyWait.LongestStepMilliseconds, steps.Max());
        Assert.Equal(5, SqliteBusyWait.LongestStepMilliseconds);
    }

    [Fact]
    public void A_negative_attempt_count_is_taken_as_the_first()
    {
        Assert.Equal(1, SqliteBusyWait.StepMilliseconds(-1));
    }
}
