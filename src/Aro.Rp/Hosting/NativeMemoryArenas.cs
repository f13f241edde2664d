using System.Runtime.InteropServices;

namespace Aro.Rp.Hosting;

/// <summary>
/// Caps glibc's malloc arenas before the host starts its threads (docs/adr/0007-native-memory-for-a-small-host.md).
/// glibc gives each thread that allocates natively while another holds an arena an arena of its own, up to eight per
/// core, and keeps their freed memory resident; the RP's native allocations (TLS through OpenSSL, SQLite, the runtime's
/// own) come from thread-pool threads, so on a small host those arenas were a fifth of the RSS with 1,000 creates in
/// flight. Two arenas hold it back at no measured cost. MALLOC_ARENA_MAX set by the operator wins (glibc reads it
/// itself); on a C library without mallopt (musl) nothing changes.
/// </summary>
internal static class NativeMemoryArenas
{
    public const int DefaultArenaLimit = 2;

    private const int MallocArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    public static void Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = SetMallocOption(MallocArenaMax, DefaultArenaLimit);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: its allocator has no arenas to cap.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetMallocOption(int parameter, int value);
}
