namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>
/// An append-only log of message changes, flushed to the operating system before a send is acknowledged, so
/// a killed process loses nothing it accepted. Replayed (and compacted) at start; a torn last record is ignored.
/// </summary>
public sealed class FileMessageJournal : IMessageJournal, IDisposable
{
    private const byte PutRecord = 1;
    private const byte UpdateRecord = 2;
    private const byte RemoveRecord = 3;

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly Dictionary<(string, long), byte[]> _written = [];
    private FileStream _file;
    private BinaryWriter _writer;

    private FileMessageJournal(string path, FileStream file)
    {
        _path = path;
        _file = file;
        _writer = new BinaryWriter(file);
    }

    /// <summary>Opens the journal in <paramref name="directory"/>, returning the messages it holds by store path.</summary>
    public static (FileMessageJournal Journal, Dictionary<string, List<BrokeredMessage>> Messages) Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "messages.journal");
        var live = Replay(path);
        var compacted = path + ".compacting";
        using (var file = new FileStream(compacted, FileMode.Create, FileAccess.Write))
        using (var writer = new BinaryWriter(file))
        {
            foreach (var ((storePath, _), message) in live)
            {
                WritePut(writer, storePath, message);
            }
        }

        File.Move(compacted, path, overwrite: true);
        var journal = new FileMessageJournal(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        var messages = new Dictionary<string, List<BrokeredMessage>>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((storePath, sequenceNumber), message) in live)
        {
            journal._written[(storePath, sequenceNumber)] = message.Payload;
            if (!messages.TryGetValue(storePath, out var list))
            {
                messages[storePath] = list = [];
            }

            list.Add(message);
        }

        return (journal, messages);
    }

    public void Put(string storePath, BrokeredMessage message)
    {
        lock (_gate)
        {
            var key = (storePath, message.SequenceNumber);
            if (_written.TryGetValue(key, out var payload) && ReferenceEquals(payload, message.Payload))
            {
                _writer.Write(UpdateRecord);
                _writer.Write(storePath);
                WriteState(_writer, message);
            }
            else
            {
                WritePut(_writer, storePath, message);
                _written[key] = message.Payload;
            }

            _writer.Flush();
        }
    }

    public void Remove(string storePath, long sequenceNumber)
    {
        lock (_gate)
        {
            if (!_written.Remove((storePath, sequenceNumber)))
            {
                return;
            }

            _writer.Write(RemoveRecord);
            _writer.Write(storePath);
            _writer.Write(sequenceNumber);
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
            _file.Dispose();
        }
    }

    private static void WritePut(BinaryWriter writer, string storePath, BrokeredMessage message)
    {
        writer.Write(PutRecord);
        writer.Write(storePath);
        WriteState(writer, message);
        writer.Write(message.MessageId ?? "");
        writer.Write(message.DeadLetterSource ?? "");
        writer.Write(message.Payload.Length);
        writer.Write(message.Payload);
    }

    private static void WriteState(BinaryWriter writer, BrokeredMessage message)
    {
        writer.Write(message.SequenceNumber);
        writer.Write((int)message.State);
        writer.Write(message.DeliveryCount);
        writer.Write(message.EnqueuedTimeUtc.Ticks);
        writer.Write(message.ExpiresAtUtc.Ticks);
        writer.Write(message.ScheduledEnqueueTimeUtc.Ticks);
    }

    private static Dictionary<(string, long), BrokeredMessage> Replay(string path)
    {
        var live = new Dictionary<(string, long), BrokeredMessage>();
        if (!File.Exists(path))
        {
            return live;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var record = reader.ReadByte();
                var storePath = reader.ReadString();
                if (record == RemoveRecord)
                {
                    live.Remove((storePath, reader.ReadInt64()));
                    continue;
                }

                var sequenceNumber = reader.ReadInt64();
                var state = (MessageState)reader.ReadInt32();
                var deliveryCount = reader.ReadInt32();
                var enqueued = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                var expires = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                var scheduled = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                if (record == UpdateRecord)
                {
                    if (live.TryGetValue((storePath, sequenceNumber), out var existing))
                    {
                        existing.State = state;
                        existing.DeliveryCount = deliveryCount;
                        existing.EnqueuedTimeUtc = enqueued;
                        existing.ExpiresAtUtc = expires;
                        existing.ScheduledEnqueueTimeUtc = scheduled;
                    }

                    continue;
                }

                var messageId = reader.ReadString();
                var deadLetterSource = reader.ReadString();
                var length = reader.ReadInt32();
                var payload = reader.ReadBytes(length);
                if (payload.Length != length)
                {
                    break;
                }

                live[(storePath, sequenceNumber)] = new BrokeredMessage
                {
                    SequenceNumber = sequenceNumber,
                    State = state,
                    DeliveryCount = deliveryCount,
                    EnqueuedTimeUtc = enqueued,
                    ExpiresAtUtc = expires,
                    ScheduledEnqueueTimeUtc = scheduled,
                    MessageId = messageId.Length == 0 ? null : messageId,
                    DeadLetterSource = deadLetterSource.Length == 0 ? null : deadLetterSource,
                    Payload = payload,
                };
            }
        }
        catch (EndOfStreamException)
        {
            // The process died mid-record: that record was never acknowledged.
        }

        return live;
    }
}

/// <summary>The journal of a namespace that keeps nothing (no data directory).</summary>
public sealed class NullMessageJournal : IMessageJournal
{
    public static readonly NullMessageJournal Instance = new();

    public void Put(string storePath, BrokeredMessage message)
    {
    }

    public void Remove(string storePath, long sequenceNumber)
    {
    }
}
