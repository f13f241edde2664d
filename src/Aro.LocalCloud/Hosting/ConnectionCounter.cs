namespace Aro.LocalCloud.Hosting;

/// <summary>
/// Counts the connections the emulator's own server accepted, so a test can assert how many connections a
/// client opened (a count, unlike a timing, does not depend on the machine). A host that mounts the emulator
/// into its own pipeline does not count.
/// </summary>
public sealed class ConnectionCounter
{
    private long _accepted;

    public long Accepted => Interlocked.Read(ref _accepted);

    internal void OnAccepted() => Interlocked.Increment(ref _accepted);
}
