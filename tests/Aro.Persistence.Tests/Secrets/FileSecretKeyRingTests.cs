using Aro.Persistence.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace Aro.Persistence.Tests.Secrets;

public sealed class FileSecretKeyRingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string KeyDirectory => Path.Combine(_directory.Path, "keys");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void First_use_creates_one_key_that_later_instances_reuse()
    {
        var first = new FileSecretKeyRing(KeyDirectory).CurrentKey;
        var second = new FileSecretKeyRing(KeyDirectory).CurrentKey;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal($"{first.Id}.key", Path.GetFileName(Assert.Single(Directory.GetFiles(KeyDirectory, "*.key"))));
    }

    [Fact]
    public async Task Rings_starting_together_on_an_empty_directory_agree_on_one_key()
    {
        var rings = Enumerable.Range(0, 8).Select(_ => new FileSecretKeyRing(KeyDirectory)).ToList();

        var ids = await Task.WhenAll(rings.Select(ring => Task.Run(() => ring.CurrentKey.Id)));

        Assert.Single(ids.Distinct());
        Assert.Single(Directory.GetFiles(KeyDirectory, "*.key"));
    }

    [Fact]
    public void Key_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var key = new FileSecretKeyRing(KeyDirectory).CurrentKey;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(KeyDirectory, $"{key.Id}.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyDirectory));
    }

    [Fact]
    public void An_added_key_becomes_current_and_the_old_one_stays()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        var old = ring.CurrentKey;

        var added = ring.AddKey();

        Assert.Equal(added.Id, ring.CurrentKey.Id);
        Assert.True(string.CompareOrdinal(added.Id, old.Id) > 0);
        Assert.Equal(old.Id, ring.FindKey(old.Id)?.Id);
        Assert.Equal([old.Id, added.Id], ring.Keys.Select(key => key.Id));
    }

    [Fact]
    public void A_key_added_elsewhere_is_found_on_a_miss_and_seals_after_the_refresh_interval()
    {
        var time = new FakeTimeProvider();
        var ring = new FileSecretKeyRing(KeyDirectory, time, TimeSpan.FromMinutes(1));
        var old = ring.CurrentKey;

        var added = new FileSecretKeyRing(KeyDirectory).AddKey();

        Assert.Equal(added.Id, ring.FindKey(added.Id)?.Id);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(added.Id, ring.CurrentKey.Id);
        Assert.NotEqual(old.Id, added.Id);
    }

    [Fact]
    public void An_unknown_key_id_is_not_found()
    {
        Assert.Null(new FileSecretKeyRing(KeyDirectory).FindKey("999999-00000000"));
    }

    [Fact]
    public void Unknown_key_ids_no_newer_than_the_keys_held_cost_no_read_of_the_directory()
    {
        var ring = new FileSecretKeyRing(KeyDirectory);
        _ = ring.CurrentKey;
        // A key file that appears later with an older sequence: only a re-read of the directory could find it.
        File.WriteAllText(Path.Combine(KeyDirectory, "000000-deadbeef.key"), Convert.ToBase64String(new byte[32]));

        Assert.Null(ring.FindKey("000000-deadbeef"));
        Assert.Null(ring.FindKey("not-a-sequence"));
        Assert.Null(ring.FindKey("../../etc/passwd"));
        Assert.Null(ring.FindKey(new string('1', 65)));
    }

    [Fact]
    public void A_corrupt_key_file_stops_the_ring_rather_than_being_skipped()
    {
        Directory.CreateDirectory(KeyDirectory);
        File.WriteAllText(Path.Combine(KeyDirectory, "000001-abcdef01.key"), Convert.ToBase64String(new byte[16]));

        Assert.Throws<InvalidDataException>(() => new FileSecretKeyRing(KeyDirectory).CurrentKey);
    }
}
