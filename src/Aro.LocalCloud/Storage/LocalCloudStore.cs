using Microsoft.Extensions.Logging;

namespace Aro.LocalCloud.Storage;

/// <summary>
/// All emulator state behind one lock. The emulator's traffic is tiny, so a single lock keeps
/// cross-cutting operations (resource group deletes, the machine controller touching both ARM and
/// Kubernetes views) trivially consistent. When a data directory is set, each write journals the entries it
/// reached before anyone can observe the change (<see cref="StateJournal"/>).
/// </summary>
internal sealed class LocalCloudStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StateJournal? _journal;
    private LocalCloudState _state = new();

    public LocalCloudStore(LocalCloudOptions options, ILogger<LocalCloudStore> logger)
    {
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            Directory.CreateDirectory(options.DataDirectory);
            _journal = new StateJournal(options.DataDirectory, logger);
            _state = _journal.Load();
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

    /// <summary>Changes state under the lock, then journals what the change reached before anyone can observe it.</summary>
    public T Write<T>(Func<LocalCloudState, T> write)
    {
        lock (_gate)
        {
            if (_journal is null)
            {
                return write(_state);
            }

            foreach (var (_, collection) in _state.Collections)
            {
                collection.BeginTracking();
            }

            try
            {
                return write(_state);
            }
            finally
            {
                // Journal even when the write threw: what it changed in memory is what later reads see.
                _journal.Append(_state);
                foreach (var (_, collection) in _state.Collections)
                {
                    collection.EndTracking();
                }
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _state = new LocalCloudState();
            _journal?.Compact(_state);
        }
    }

    public void Dispose() => _journal?.Dispose();
}
