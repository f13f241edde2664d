using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Aro.LocalCloud.Storage;

/// <summary>
/// The state on disk: a snapshot (<c>localcloud.json</c>) plus an append-only journal
/// (<c>localcloud.journal</c>) of the entries every write changed since, one JSON line per write.
/// A write costs what it changed, not the size of the state; the journal is folded into a fresh snapshot
/// once it outgrows it, so replay at start-up stays bounded.
/// </summary>
/// <remarks>
/// Durability is the same as the whole-file rewrite it replaces: a line is handed to the operating system in
/// one write before the change is answered, so a killed process (kill -9) loses nothing it acknowledged;
/// neither format is fsynced, so a power cut may. A line torn by a crash mid-write belongs to a write that
/// was never answered: replay stops there, and the start-up compaction drops it.
/// </remarks>
internal sealed class StateJournal : IDisposable
{
    /// <summary>Journals smaller than this are never compacted, so small states do not rewrite their snapshot often.</summary>
    public const long MinimumCompactionBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions SerializerOptions = new();

    private readonly string _snapshotPath;
    private readonly string _journalPath;
    private readonly ILogger _logger;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private FileStream? _journal;
    private long _snapshotBytes;

    public StateJournal(string directory, ILogger logger)
    {
        _snapshotPath = Path.Combine(directory, "localcloud.json");
        _journalPath = Path.Combine(directory, "localcloud.journal");
        _logger = logger;
    }

    /// <summary>Reads the snapshot, replays the journal over it, then compacts so appends start from a clean line.</summary>
    public LocalCloudState Load()
    {
        var state = ReadSnapshot();
        Replay(state);
        Compact(state);
        return state;
    }

    /// <summary>Appends the entries the write reached, if any; compacts when the journal outgrew the snapshot.</summary>
    public void Append(LocalCloudState state)
    {
        if (!state.Collections.Any(c => c.Collection.HasChanges))
        {
            return;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartArray();
            foreach (var (name, collection) in state.Collections)
            {
                collection.WriteChanges(writer, name, SerializerOptions);
            }

            writer.WriteEndArray();
        }

        _buffer.Write("\n"u8);
        var journal = _journal ?? throw new ObjectDisposedException(nameof(StateJournal));
        journal.Write(_buffer.WrittenSpan);
        if (journal.Length > Math.Max(MinimumCompactionBytes, _snapshotBytes))
        {
            Compact(state);
        }
    }

    /// <summary>Writes the whole state as the new snapshot (write-then-rename) and empties the journal.</summary>
    public void Compact(LocalCloudState state)
    {
        var temporary = _snapshotPath + ".tmp";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, SerializerOptions);
        using (var snapshot = new FileStream(temporary, OwnerOnly(FileMode.Create, FileAccess.Write, FileShare.None)))
        {
            snapshot.Write(bytes);
        }

        File.Move(temporary, _snapshotPath, overwrite: true);
        _snapshotBytes = bytes.Length;

        // Replaying a journal over the snapshot it was folded into is harmless (each entry is the value an
        // entry had, the snapshot already holds the last one), so a crash between the rename and the
        // truncation loses nothing.
        if (_journal is null)
        {
            _journal = new FileStream(_journalPath, OwnerOnly(FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
            if (!OperatingSystem.IsWindows())
            {
                // A journal an older version created readable by others is tightened too (the snapshot is always new).
                File.SetUnixFileMode(_journalPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        _journal.SetLength(0);
        _journal.Position = 0;
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _journal = null;
    }

    /// <summary>
    /// The state holds secrets (Kubernetes Secrets, VM custom data, the bootstrap Ignition blob): its files are readable
    /// by their owner alone, as a kubeconfig is.
    /// </summary>
    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private LocalCloudState ReadSnapshot()
    {
        if (!File.Exists(_snapshotPath))
        {
            return new LocalCloudState();
        }

        try
        {
            using var stream = File.OpenRead(_snapshotPath);
            return JsonSerializer.Deserialize<LocalCloudState>(stream, SerializerOptions) ?? new LocalCloudState();
        }
        catch (JsonException ex)
        {
            // A corrupt file must not stop a developer's local run; starting empty is the lesser evil.
            _logger.LogWarning(ex, "Ignoring unreadable local cloud state file {Path}", _snapshotPath);
            return new LocalCloudState();
        }
    }

    private void Replay(LocalCloudState state)
    {
        if (!File.Exists(_journalPath))
        {
            return;
        }

        var collections = state.Collections.ToDictionary(c => c.Name, c => c.Collection, StringComparer.Ordinal);
        using var reader = new StreamReader(new FileStream(_journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                _logger.LogWarning("Local cloud journal {Path} ends with a torn line {Line} (a write interrupted by a crash, never acknowledged); ignoring it", _journalPath, line);
                return;
            }

            using (document)
            {
                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    var collection = collections[entry.GetProperty(JournalEntry.Collection).GetString()!];
                    JsonElement? value = entry.TryGetProperty(JournalEntry.Value, out var present) ? present : null;
                    collection.Replay(entry.GetProperty(JournalEntry.Key).GetString()!, value, SerializerOptions);
                }
            }
        }
    }
}
