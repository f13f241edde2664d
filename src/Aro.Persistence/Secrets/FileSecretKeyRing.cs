using System.Globalization;
using System.Security.Cryptography;

namespace Aro.Persistence.Secrets;

/// <summary>
/// A key ring kept as files in one directory (development and single-machine installs; Azure uses Key Vault).
/// Each key is <c>&lt;keyId&gt;.key</c> holding 256 random bits in base64, readable by the owner only.
/// Key ids start with a zero-padded sequence number, so the newest key is the one with the greatest id.
/// The first use creates a key when the directory has none.
/// </summary>
public sealed class FileSecretKeyRing : ISecretKeyRing
{
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

    private const string KeyFileExtension = ".key";
    private const string LockFileName = ".lock";

    private readonly string _directory;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshInterval;
    private readonly Lock _lock = new();
    private volatile IReadOnlyList<SecretKey>? _keys;
    private long _loadedAt;

    public FileSecretKeyRing(string directory, TimeProvider? timeProvider = null, TimeSpan? refreshInterval = null)
    {
        _directory = Path.GetFullPath(directory);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _refreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    public string DirectoryPath => _directory;

    public SecretKey CurrentKey
    {
        get
        {
            var keys = _keys;
            // Re-reading now and then lets a rotation done by another process (aro-admin) take effect without a restart.
            if (keys is null || _timeProvider.GetElapsedTime(Interlocked.Read(ref _loadedAt)) >= _refreshInterval)
            {
                keys = Reload();
            }

            return keys[^1];
        }
    }

    /// <summary>All keys, oldest first.</summary>
    public IReadOnlyList<SecretKey> Keys => _keys ?? Reload();

    public SecretKey? FindKey(string keyId)
    {
        // Ids come from tokens and sealed values anyone may forge: a malformed one never reaches the disk.
        if (!SecretKey.IsValidId(keyId))
        {
            return null;
        }

        var keys = _keys ?? Reload();
        if (Find(keys, keyId) is { } found)
        {
            return found;
        }

        // A miss re-reads the directory only for an id newer than every key held: the value may come from a process that
        // has rotated since we loaded. Any other unknown id is unknown for good and costs no read.
        return keys.Count > 0 && !IsNewerThan(keyId, keys[^1]) ? null : Find(Reload(), keyId);
    }

    private static bool IsNewerThan(string keyId, SecretKey newest)
    {
        var dash = keyId.IndexOf('-', StringComparison.Ordinal);
        return int.TryParse(dash < 0 ? keyId : keyId[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && sequence > SequenceOf(newest);
    }

    /// <summary>Adds a new key, which seals from now on; the older keys keep opening what they sealed.</summary>
    public SecretKey AddKey()
    {
        lock (_lock)
        {
            using (AcquireDirectoryLock())
            {
                WriteNewKey(ReadKeys());
            }

            return Reload()[^1];
        }
    }

    private static SecretKey? Find(IReadOnlyList<SecretKey> keys, string keyId)
    {
        foreach (var key in keys)
        {
            if (string.Equals(key.Id, keyId, StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    private IReadOnlyList<SecretKey> Reload()
    {
        lock (_lock)
        {
            var keys = ReadKeys();
            if (keys.Count == 0)
            {
                // Several processes may start on an empty directory at once: the directory lock makes one of them create the key.
                using (AcquireDirectoryLock())
                {
                    keys = ReadKeys();
                    if (keys.Count == 0)
                    {
                        WriteNewKey(keys);
                        keys = ReadKeys();
                    }
                }
            }

            _keys = keys;
            Interlocked.Exchange(ref _loadedAt, _timeProvider.GetTimestamp());
            return keys;
        }
    }

    private List<SecretKey> ReadKeys()
    {
        CreateDirectory();
        var keys = new List<SecretKey>();
        foreach (var path in System.IO.Directory.EnumerateFiles(_directory))
        {
            if (!path.EndsWith(KeyFileExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var id = Path.GetFileNameWithoutExtension(path);
            byte[] material;
            try
            {
                material = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            catch (FormatException exception)
            {
                // Refuse to start rather than skip it: values sealed with this key would silently become unreadable.
                throw new InvalidDataException($"The key file '{path}' does not hold base64.", exception);
            }

            if (!SecretKey.IsValidId(id) || material.Length != SecretKey.SizeInBytes)
            {
                throw new InvalidDataException($"The key file '{path}' is not a {SecretKey.SizeInBytes * 8}-bit key with a valid id.");
            }

            keys.Add(new SecretKey(id, material));
        }

        keys.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
        return keys;
    }

    private void WriteNewKey(IReadOnlyList<SecretKey> existing)
    {
        var sequence = existing.Count == 0 ? 1 : SequenceOf(existing[^1]) + 1;
        var id = string.Create(CultureInfo.InvariantCulture, $"{sequence:D6}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var path = Path.Combine(_directory, id + KeyFileExtension);
        var temporaryPath = Path.Combine(_directory, id + ".tmp");
        var material = RandomNumberGenerator.GetBytes(SecretKey.SizeInBytes);
        try
        {
            using (var stream = new FileStream(temporaryPath, OwnerOnly(FileMode.CreateNew, FileAccess.Write)))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(Convert.ToBase64String(material));
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            // Readers list *.key only, so they never see a half-written key.
            File.Move(temporaryPath, path, overwrite: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
            File.Delete(temporaryPath);
        }
    }

    private static int SequenceOf(SecretKey key)
    {
        var dash = key.Id.IndexOf('-', StringComparison.Ordinal);
        var digits = dash < 0 ? key.Id : key.Id[..dash];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new InvalidDataException($"The key id '{key.Id}' does not start with a sequence number.");
    }

    private FileStream AcquireDirectoryLock()
    {
        var path = Path.Combine(_directory, LockFileName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, which other processes honour.
                return new FileStream(path, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(25);
            }
        }
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(_directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
