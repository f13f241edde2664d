using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.Tests.ServiceBus.Broker;

public sealed class DuplicateDetectorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly DateTime Start = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_id_is_a_duplicate_inside_the_window_and_new_again_after_it()
    {
        var detector = new DuplicateDetector();

        Assert.False(detector.IsDuplicate("a", Window, Start));
        Assert.True(detector.IsDuplicate("a", Window, Start + Window - TimeSpan.FromTicks(1)));
        Assert.False(detector.IsDuplicate("a", Window, Start + Window));
        // Remembered afresh from its second send.
        Assert.True(detector.IsDuplicate("a", Window, Start + Window + TimeSpan.FromMinutes(9)));
    }

    [Fact]
    public void Ids_whose_window_has_passed_are_forgotten_however_many_were_sent()
    {
        var detector = new DuplicateDetector();
        for (var i = 0; i < 25_000; i++)
        {
            detector.IsDuplicate($"id-{i}", Window, Start + TimeSpan.FromMilliseconds(i));
        }

        Assert.Equal(25_000, detector.Remembered);

        // One send a whole window after the last: everything before it has expired.
        Assert.False(detector.IsDuplicate("late", Window, Start + TimeSpan.FromMilliseconds(25_000) + Window));
        Assert.Equal(1, detector.Remembered);
    }

    [Fact]
    public void After_the_clock_went_back_an_id_recorded_again_is_not_forgotten_with_its_older_record()
    {
        var detector = new DuplicateDetector();
        detector.IsDuplicate("x", Window, Start + TimeSpan.FromMinutes(5));
        detector.IsDuplicate("a", Window, Start);
        // The older record of "a" is still queued behind "x" when "a" is recorded again.
        detector.IsDuplicate("a", Window, Start + Window + TimeSpan.FromSeconds(1));

        // Both old records expire now; the newer record of "a" must survive them.
        detector.IsDuplicate("y", Window, Start + Window + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.True(detector.IsDuplicate("a", Window, Start + Window + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2)));
    }
}
