using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Aro.LocalCloud.Storage;

/// <summary>
/// All emulator state behind one lock. The emulator's traffic is tiny, so a single lock keeps
/// cross-cutting operations (resource group deletes, the machine controller touching both ARM and
/// Kubernetes views) trivially consistent. Mutations persist the whole state when a data directory is set.
/// </summary>
internal sealed class LocalCloudStore
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly string? _filePath;
    private readonly ILogger<LocalCloudStore> _logger;
    private LocalCloudState _state = new();

    public LocalCloudStore(LocalCloudOptions options, ILogger<LocalCloudStore> logger)
    {
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            Directory.CreateDirectory(options.DataDirectory);
            _filePath = Path.Combine(options.DataDirectory, "localcloud.json");
            Load();
        }
    }

    /// <summary>Reads state under the lock.</summary>
    public T Read<T>(Func<LocalCloudState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    /// <summary>Changes state under the lock, then persists it before anyone can observe the change.</summary>
    public T Write<T>(Func<LocalCloudState, T> write)
    {
        lock (_gate)
        {
            var result = write(_state);
            Save();
            return result;
        }
    }

    public void Reset() => Write(state =>
    {
        _state = new LocalCloudState();
        return true;
    });

    private void Load()
    {
        if (_filePath is null || !File.Exists(_filePath))
        {
            return;
        }

        try
        {
            using var stream = File.OpenRead(_filePath);
            _state = JsonSerializer.Deserialize<LocalCloudState>(stream, SerializerOptions) ?? new LocalCloudState();
        }
        catch (JsonException ex)
        {
            // A corrupt file must not stop a developer's local run; starting empty is the lesser evil.
            _logger.LogWarning(ex, "Ignoring unreadable local cloud state file {Path}", _filePath);
            _state = new LocalCloudState();
        }
    }

    private void Save()
    {
        if (_filePath is null)
        {
            return;
        }

        // Write-then-rename so a crash mid-write never leaves a truncated state file behind.
        var temporary = _filePath + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(_state, SerializerOptions));
        File.Move(temporary, _filePath, overwrite: true);
    }
}
